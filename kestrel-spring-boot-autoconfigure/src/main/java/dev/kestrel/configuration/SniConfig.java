package dev.kestrel.configuration;

import java.util.List;

/**
 * One entry of an endpoint's {@code Sni} map, as written in configuration. Unset values
 * ({@code null}) fall back to the endpoint's.
 *
 * @param protocols the HTTP protocols offered to this host (ALPN), or {@code null}
 * @param sslProtocols the TLS versions, or {@code null}
 * @param clientCertificateMode the client-certificate mode, or {@code null}
 * @param certificate the certificate, or {@link CertificateConfig#EMPTY}
 * @param limits the request limits of this host
 */
public record SniConfig(String protocols, List<String> sslProtocols, String clientCertificateMode,
		CertificateConfig certificate, LimitsConfig limits, Boolean ocspStapling) {

	public SniConfig {
		sslProtocols = (sslProtocols != null) ? List.copyOf(sslProtocols) : null;
		certificate = (certificate != null) ? certificate : CertificateConfig.EMPTY;
		limits = (limits != null) ? limits : LimitsConfig.EMPTY;
	}

	/**
	 * Creates an entry without {@code OcspStapling}.
	 * @param protocols the HTTP protocols, or {@code null}
	 * @param sslProtocols the TLS versions, or {@code null}
	 * @param clientCertificateMode the client-certificate mode, or {@code null}
	 * @param certificate the certificate
	 * @param limits the limits
	 */
	public SniConfig(String protocols, List<String> sslProtocols, String clientCertificateMode,
			CertificateConfig certificate, LimitsConfig limits) {
		this(protocols, sslProtocols, clientCertificateMode, certificate, limits, null);
	}

	/**
	 * Creates an entry without limits.
	 * @param protocols the HTTP protocols, or {@code null}
	 * @param sslProtocols the TLS versions, or {@code null}
	 * @param clientCertificateMode the client-certificate mode, or {@code null}
	 * @param certificate the certificate
	 */
	public SniConfig(String protocols, List<String> sslProtocols, String clientCertificateMode,
			CertificateConfig certificate) {
		this(protocols, sslProtocols, clientCertificateMode, certificate, LimitsConfig.EMPTY, null);
	}

}
