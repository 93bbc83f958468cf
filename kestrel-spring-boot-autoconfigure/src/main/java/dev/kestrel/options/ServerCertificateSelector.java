package dev.kestrel.options;

import dev.kestrel.certificates.ServerCertificate;

/**
 * Chooses the server certificate of each TLS connection (Kestrel's
 * {@code ServerCertificateSelector}). Called once per handshake, on the connection's
 * event loop, so it must not block; it is never cached across connections.
 *
 * <pre>{@code
 * listen.useHttps((https) -> https.serverCertificateSelector((connection, name) ->
 *         "api.example.org".equals(name) ? apiCertificate : defaultCertificate));
 * }</pre>
 */
@FunctionalInterface
public interface ServerCertificateSelector {

	/**
	 * Chooses the certificate of a connection. The result must allow server
	 * authentication (no Extended Key Usage extension, or one with Server
	 * Authentication), else the handshake fails.
	 * @param connection the connection
	 * @param name the host name the client asked for (SNI, lower case, A-label form of
	 * internationalized names), or {@code null} when the client sent none
	 * @return the certificate with its key and intermediates, or {@code null} to refuse
	 * the connection
	 */
	ServerCertificate select(TlsConnectionContext connection, String name);

}
