package dev.kestrel.internal.sni;

import java.util.function.BiConsumer;

import javax.net.ssl.SSLEngine;

import dev.kestrel.options.TlsConnectionContext;

import static java.util.Objects.requireNonNull;

/**
 * The TLS configuration chosen for one connection.
 *
 * @param settings what the TLS context is built from
 * @param onAuthenticate runs with the connection's engine before the handshake, or
 * {@code null}
 * @param shared whether the settings come from configuration (their context is kept for
 * the life of the server) or from code called per connection (their context is kept in a
 * bounded cache)
 */
public record TlsSelection(TlsSettings settings, BiConsumer<TlsConnectionContext, SSLEngine> onAuthenticate,
		boolean shared) {

	public TlsSelection {
		requireNonNull(settings, "settings");
	}

}
