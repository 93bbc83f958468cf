package dev.kestrel.options;

import static java.util.Objects.requireNonNull;

/**
 * The whole TLS configuration of one connection, as a {@link TlsHandshakeCallback}
 * returns it (Kestrel's {@code SslServerAuthenticationOptions}).
 *
 * @param httpsOptions the certificate (or certificate selector), TLS versions,
 * client-certificate mode and validation, and {@code onAuthenticate}; the handshake
 * timeout is the one of {@link TlsHandshakeCallbackOptions}
 * @param protocols the HTTP protocols offered with ALPN, or {@code null} for the
 * endpoint's
 */
public record TlsConnectionOptions(HttpsConnectionAdapterOptions httpsOptions, HttpProtocols protocols) {

	public TlsConnectionOptions {
		requireNonNull(httpsOptions, "httpsOptions");
	}

	/**
	 * Uses these TLS settings and the endpoint's protocols.
	 * @param httpsOptions the TLS settings
	 * @return the connection options
	 */
	public static TlsConnectionOptions of(HttpsConnectionAdapterOptions httpsOptions) {
		return new TlsConnectionOptions(httpsOptions, null);
	}

	/**
	 * Uses these TLS settings and offers these protocols with ALPN.
	 * @param httpsOptions the TLS settings
	 * @param protocols the protocols
	 * @return the connection options
	 */
	public static TlsConnectionOptions of(HttpsConnectionAdapterOptions httpsOptions, HttpProtocols protocols) {
		return new TlsConnectionOptions(httpsOptions, requireNonNull(protocols, "protocols"));
	}

}
