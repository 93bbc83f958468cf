package dev.kestrel.options;

import java.util.EnumSet;
import java.util.Set;

/**
 * One entry of an endpoint's {@code Sni} map, loaded from configuration. Each unset
 * ({@code null}) value falls back to the endpoint's: the certificate to the endpoint's
 * certificate selector, else its certificate (which is the default certificate when the
 * endpoint has none); the protocols to the endpoint's {@code Protocols}; the TLS versions
 * and client-certificate mode to the endpoint's TLS settings. Client-certificate
 * validation, revocation checking, the handshake timeout and {@code onAuthenticate}
 * always come from the endpoint, as in Kestrel.
 *
 * @param certificate the certificate for this host, or {@code null}
 * @param protocols the HTTP protocols offered to this host with ALPN, or {@code null}
 * @param sslProtocols the TLS versions (empty: the platform default), or {@code null}
 * @param clientCertificateMode the client-certificate mode, or {@code null}
 */
public record SniOptions(SniCertificate certificate, HttpProtocols protocols, Set<SslProtocols> sslProtocols,
		ClientCertificateMode clientCertificateMode) {

	public SniOptions {
		sslProtocols = (sslProtocols == null) ? null
				: sslProtocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sslProtocols));
	}

}
