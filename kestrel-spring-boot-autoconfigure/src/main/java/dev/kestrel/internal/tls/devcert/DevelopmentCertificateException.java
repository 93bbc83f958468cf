package dev.kestrel.internal.tls.devcert;

import dev.kestrel.diagnostics.Problem;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when the development certificate cannot be generated (or, by the
 * {@code kestrel-dev-certs} tool, exported). The message never contains a password or key
 * material.
 */
public class DevelopmentCertificateException extends RuntimeException {

	private final Problem problem;

	/**
	 * Creates an exception.
	 * @param problem what went wrong and what to do about it
	 * @param cause the cause, or {@code null}
	 */
	public DevelopmentCertificateException(Problem problem, Throwable cause) {
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
