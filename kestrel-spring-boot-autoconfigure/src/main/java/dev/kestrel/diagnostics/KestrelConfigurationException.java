package dev.kestrel.diagnostics;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when the Kestrel endpoint configuration cannot be used: an invalid URL, a
 * missing key, an unsupported setting, a certificate that cannot be loaded. Carries the
 * endpoint name and the configuration key at fault so that the failure analyzer can name
 * both. The message never contains a password or key material.
 */
public class KestrelConfigurationException extends RuntimeException {

	private final String endpointName;

	private final String configurationKey;

	private final Problem problem;

	/**
	 * Creates an exception for a problem that belongs to no particular endpoint or key.
	 * @param problem the problem
	 */
	public KestrelConfigurationException(Problem problem) {
		this(null, null, problem, null);
	}

	/**
	 * Creates an exception.
	 * @param endpointName the endpoint at fault, or {@code null}
	 * @param configurationKey the full configuration key at fault (e.g.
	 * {@code kestrel.endpoints.Http.url}), or {@code null} when the problem comes from
	 * code
	 * @param problem the problem
	 * @param cause the cause, or {@code null}
	 */
	public KestrelConfigurationException(String endpointName, String configurationKey, Problem problem,
			Throwable cause) {
		super(requireNonNull(problem, "problem").description(), cause);
		this.endpointName = endpointName;
		this.configurationKey = configurationKey;
		this.problem = problem;
	}

	/**
	 * Returns a copy of this exception that names the given endpoint and key where this
	 * one named none.
	 * @param endpointName the endpoint name
	 * @param configurationKey the configuration key
	 * @return an exception naming the endpoint and the key
	 */
	public KestrelConfigurationException withContext(String endpointName, String configurationKey) {
		KestrelConfigurationException copy = new KestrelConfigurationException(
				(this.endpointName != null) ? this.endpointName : endpointName,
				(this.configurationKey != null) ? this.configurationKey : configurationKey, this.problem, getCause());
		copy.setStackTrace(getStackTrace());
		return copy;
	}

	/**
	 * @return the endpoint at fault, or {@code null}
	 */
	public String getEndpointName() {
		return this.endpointName;
	}

	/**
	 * @return the configuration key at fault, or {@code null}
	 */
	public String getConfigurationKey() {
		return this.configurationKey;
	}

	/**
	 * @return the problem: description and action
	 */
	public Problem getProblem() {
		return this.problem;
	}

}
