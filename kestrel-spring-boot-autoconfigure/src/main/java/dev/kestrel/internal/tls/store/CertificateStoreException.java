package dev.kestrel.internal.tls.store;

import dev.kestrel.diagnostics.Problem;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a certificate store cannot be written or a certificate cannot be encoded.
 * The message never contains a password or key material.
 */
public class CertificateStoreException extends RuntimeException {

	private final Problem problem;

	/**
	 * Creates an exception.
	 * @param problem what went wrong and what to do about it
	 * @param cause the cause, or {@code null}
	 */
	public CertificateStoreException(Problem problem, Throwable cause) {
		super(requireNonNull(problem, "problem").description(), cause);
		this.problem = problem;
	}

	/**
	 * @return the problem: description and action
	 */
	public Problem getProblem() {
		return this.problem;
	}

}
