package dev.kestrel.configuration;

import java.util.List;

/**
 * The {@code EndpointDefaults} section: values every configured endpoint starts from.
 *
 * @param protocols default HTTP protocols, or {@code null}
 * @param sslProtocols default TLS versions, or {@code null}
 * @param clientCertificateMode default client-certificate mode, or {@code null}
 * @param connection default connection settings
 * @param limits default limits of every configured endpoint
 */
public record EndpointDefaultsConfig(String protocols, List<String> sslProtocols, String clientCertificateMode,
		ConnectionConfig connection, LimitsConfig limits) {

	/** No defaults. */
	public static final EndpointDefaultsConfig EMPTY = new EndpointDefaultsConfig(null, null, null,
			ConnectionConfig.EMPTY, LimitsConfig.EMPTY);

	public EndpointDefaultsConfig {
		sslProtocols = (sslProtocols != null) ? List.copyOf(sslProtocols) : null;
		connection = (connection != null) ? connection : ConnectionConfig.EMPTY;
		limits = (limits != null) ? limits : LimitsConfig.EMPTY;
	}

	/**
	 * Creates defaults without connection settings and limits.
	 * @param protocols default HTTP protocols, or {@code null}
	 * @param sslProtocols default TLS versions, or {@code null}
	 * @param clientCertificateMode default client-certificate mode, or {@code null}
	 */
	public EndpointDefaultsConfig(String protocols, List<String> sslProtocols, String clientCertificateMode) {
		this(protocols, sslProtocols, clientCertificateMode, ConnectionConfig.EMPTY, LimitsConfig.EMPTY);
	}

}
