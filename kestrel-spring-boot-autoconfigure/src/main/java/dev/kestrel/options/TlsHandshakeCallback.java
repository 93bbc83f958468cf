package dev.kestrel.options;

import java.util.concurrent.CompletionStage;

/**
 * Returns the whole TLS configuration of a connection from its client hello (Kestrel's
 * {@code OnConnection} of {@code TlsHandshakeCallbackOptions}, and
 * {@code ServerOptionsSelectionCallback}). Called once per handshake on the connection's
 * event loop: return a completed stage when the answer is at hand, and do slow work (a
 * key vault, a database) asynchronously; the connection waits, within the handshake
 * timeout, without blocking others.
 */
@FunctionalInterface
public interface TlsHandshakeCallback {

	/**
	 * Chooses the TLS configuration of a connection.
	 * @param context the client hello and the connection
	 * @return the configuration; a stage completing with {@code null} or exceptionally
	 * refuses the connection
	 */
	CompletionStage<TlsConnectionOptions> onConnection(TlsHandshakeCallbackContext context);

}
