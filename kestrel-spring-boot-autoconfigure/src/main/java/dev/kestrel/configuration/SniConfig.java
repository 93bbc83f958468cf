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
 */
public record SniConfig(String protocols, List<String> sslProtocols, String clientCertificateMode,
		CertificateConfig certificate) {

	public SniConfig {
		sslProtocols = (sslProtocols != null) ? List.copyOf(sslProtocols) : null;
		certificate = (certificate != null) ? certificate : CertificateConfig.EMPTY;
	}

}
