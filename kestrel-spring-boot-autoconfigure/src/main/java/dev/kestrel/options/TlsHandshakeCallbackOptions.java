package dev.kestrel.options;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * TLS configured per connection in code (Kestrel's {@code TlsHandshakeCallbackOptions}),
 * for {@link ListenOptions#useHttps(TlsHandshakeCallbackOptions)}:
 *
 * <pre>{@code
 * listen.useHttps(new TlsHandshakeCallbackOptions().onConnection((context) -> CompletableFuture.completedFuture(
 *         TlsConnectionOptions.of(new HttpsConnectionAdapterOptions()
 *             .serverCertificate(certificates.forHost(context.serverName()))))));
 * }</pre>
 *
 * As in Kestrel, none of the HTTPS defaults apply on this path: no
 * {@code EndpointDefaults} or {@code configureHttpsDefaults}, no default certificate, no
 * Extended Key Usage check. The callback owns the whole configuration; only the handshake
 * timeout is set here.
 */
public final class TlsHandshakeCallbackOptions {

	private TlsHandshakeCallback onConnection;

	private Object onConnectionState;

	private Duration handshakeTimeout = HttpsConnectionAdapterOptions.DEFAULT_HANDSHAKE_TIMEOUT;

	/**
	 * @return the callback, or {@code null} until set
	 */
	public TlsHandshakeCallback getOnConnection() {
		return this.onConnection;
	}

	/**
	 * Sets the callback that returns each connection's TLS configuration (required).
	 * @param onConnection the callback
	 * @return these options
	 */
	public TlsHandshakeCallbackOptions onConnection(TlsHandshakeCallback onConnection) {
		this.onConnection = requireNonNull(onConnection, "onConnection");
		return this;
	}

	/**
	 * @return the state passed to the callback, or {@code null}
	 */
	public Object getOnConnectionState() {
		return this.onConnectionState;
	}

	/**
	 * Sets a value passed to every call of the callback
	 * ({@link TlsHandshakeCallbackContext#state()}).
	 * @param state the state
	 * @return these options
	 */
	public TlsHandshakeCallbackOptions onConnectionState(Object state) {
		this.onConnectionState = state;
		return this;
	}

	/**
	 * @return the handshake timeout
	 */
	public Duration getHandshakeTimeout() {
		return this.handshakeTimeout;
	}

	/**
	 * Sets how long a TLS handshake may take, the callback included.
	 * @param timeout a positive duration
	 * @return these options
	 */
	public TlsHandshakeCallbackOptions handshakeTimeout(Duration timeout) {
		requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
		}
		this.handshakeTimeout = timeout;
		return this;
	}

}
