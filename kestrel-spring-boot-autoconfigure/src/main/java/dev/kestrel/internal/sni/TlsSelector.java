package dev.kestrel.internal.sni;

import java.util.concurrent.CompletionStage;

import dev.kestrel.options.TlsConnectionContext;

/**
 * Chooses the TLS configuration of a connection from its client hello. Called once per
 * TLS handshake, before the server sends anything.
 */
@FunctionalInterface
public interface TlsSelector {

	/**
	 * Chooses the TLS configuration of a connection.
	 * @param connection the connection
	 * @param serverName the host name the client sent (SNI, lower case, A-label form), or
	 * {@code null} when it sent none
	 * @return the configuration; completes exceptionally with
	 * {@link TlsConnectionRefusedException} to refuse the connection
	 */
	CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName);

}
