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
 * @param limits the request limits of this host (each unset value is the endpoint's), or
 * {@code null} when the entry sets none
 * @param ocspStapling whether OCSP responses are stapled for this host's certificate, or
 * {@code null} for the endpoint's value
 */
public record SniOptions(SniCertificate certificate, HttpProtocols protocols, Set<SslProtocols> sslProtocols,
		ClientCertificateMode clientCertificateMode, KestrelServerLimits limits, Boolean ocspStapling) {

	/**
	 * Creates an entry whose {@code OcspStapling} is the endpoint's.
	 * @param certificate the certificate, or {@code null}
	 * @param protocols the protocols, or {@code null}
	 * @param sslProtocols the TLS versions, or {@code null}
	 * @param clientCertificateMode the client-certificate mode, or {@code null}
	 * @param limits the request limits, or {@code null}
	 */
	public SniOptions(SniCertificate certificate, HttpProtocols protocols, Set<SslProtocols> sslProtocols,
			ClientCertificateMode clientCertificateMode, KestrelServerLimits limits) {
		this(certificate, protocols, sslProtocols, clientCertificateMode, limits, null);
	}

	/**
	 * Creates an entry without limits of its own.
	 * @param certificate the certificate, or {@code null}
	 * @param protocols the protocols, or {@code null}
	 * @param sslProtocols the TLS versions, or {@code null}
	 * @param clientCertificateMode the client-certificate mode, or {@code null}
	 */
	public SniOptions(SniCertificate certificate, HttpProtocols protocols, Set<SslProtocols> sslProtocols,
			ClientCertificateMode clientCertificateMode) {
		this(certificate, protocols, sslProtocols, clientCertificateMode, null, null);
	}

	public SniOptions {
		sslProtocols = (sslProtocols == null) ? null
				: sslProtocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sslProtocols));
	}

	/**
	 * Kestrel's rule for every setting of an entry: its own value, else the endpoint's.
	 * @param endpointProtocols the endpoint's protocols
	 * @return the protocols offered to this host
	 */
	public HttpProtocols protocolsOr(HttpProtocols endpointProtocols) {
		return (this.protocols != null) ? this.protocols : endpointProtocols;
	}

	/**
	 * Kestrel's rule for every setting of an entry: its own value, else the endpoint's.
	 * @param endpoint the endpoint's HTTPS options
	 * @return the TLS versions of this host
	 */
	public Set<SslProtocols> sslProtocolsOr(HttpsConnectionAdapterOptions endpoint) {
		return (this.sslProtocols != null) ? this.sslProtocols : endpoint.getSslProtocols();
	}

	/**
	 * Kestrel's rule for every setting of an entry: its own value, else the endpoint's.
	 * @param endpoint the endpoint's HTTPS options
	 * @return whether OCSP responses are stapled for this host's certificate
	 */
	public boolean ocspStaplingOr(HttpsConnectionAdapterOptions endpoint) {
		return (this.ocspStapling != null) ? this.ocspStapling : endpoint.isOcspStapling();
	}

	/**
	 * Kestrel's rule for every setting of an entry: its own value, else the endpoint's.
	 * @param endpoint the endpoint's HTTPS options
	 * @return the client-certificate mode of this host
	 */
	public ClientCertificateMode clientCertificateModeOr(HttpsConnectionAdapterOptions endpoint) {
		return (this.clientCertificateMode != null) ? this.clientCertificateMode : endpoint.getClientCertificateMode();
	}

}
