package dev.kestrel.internal.server;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.Problem;

/**
 * An endpoint could not be bound (address in use, address not available, permission
 * denied).
 */
public class EndpointBindException extends KestrelConfigurationException {

	private final String displayName;

	EndpointBindException(String endpointName, String configurationKey, String displayName, Problem problem,
			Throwable cause) {
		super(endpointName, configurationKey, problem, cause);
		this.displayName = displayName;
	}

	/**
	 * @return the address that could not be bound, e.g. {@code http://127.0.0.1:5000}
	 */
	public String getDisplayName() {
		return this.displayName;
	}

}
