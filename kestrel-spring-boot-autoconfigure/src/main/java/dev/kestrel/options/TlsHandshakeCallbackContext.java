package dev.kestrel.options;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link TlsHandshakeCallback} knows about the connection: the client hello's host
 * name and the connection (Kestrel's {@code TlsHandshakeCallbackContext}).
 *
 * @param connection the connection
 * @param serverName the host name the client sent (SNI, lower case, A-label form), or
 * {@code null} when it sent none
 * @param state the {@link TlsHandshakeCallbackOptions#onConnectionState(Object) state}
 * given with the callback, or {@code null}
 */
public record TlsHandshakeCallbackContext(TlsConnectionContext connection, String serverName, Object state) {

	public TlsHandshakeCallbackContext {
		requireNonNull(connection, "connection");
	}

}
