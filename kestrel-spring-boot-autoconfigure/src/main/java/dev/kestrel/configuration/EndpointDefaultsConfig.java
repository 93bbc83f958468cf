package dev.kestrel.configuration;

import java.util.List;

/**
 * The {@code EndpointDefaults} section: values every configured endpoint starts from.
 *
 * @param protocols default HTTP protocols, or {@code null}
 * @param sslProtocols default TLS versions, or {@code null}
 * @param clientCertificateMode default client-certificate mode, or {@code null}
 * @param limits default limits of every configured endpoint
 */
public record EndpointDefaultsConfig(String protocols, List<String> sslProtocols, String clientCertificateMode,
		LimitsConfig limits) {

	/** No defaults. */
	public static final EndpointDefaultsConfig EMPTY = new EndpointDefaultsConfig(null, null, null);

	public EndpointDefaultsConfig {
		sslProtocols = (sslProtocols != null) ? List.copyOf(sslProtocols) : null;
		limits = (limits != null) ? limits : LimitsConfig.EMPTY;
	}

	/**
	 * Creates defaults without limits.
	 * @param protocols default HTTP protocols, or {@code null}
	 * @param sslProtocols default TLS versions, or {@code null}
	 * @param clientCertificateMode default client-certificate mode, or {@code null}
	 */
	public EndpointDefaultsConfig(String protocols, List<String> sslProtocols, String clientCertificateMode) {
		this(protocols, sslProtocols, clientCertificateMode, LimitsConfig.EMPTY);
	}

}
