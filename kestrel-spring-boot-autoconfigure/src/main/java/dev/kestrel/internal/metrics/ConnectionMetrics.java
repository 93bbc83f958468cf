package dev.kestrel.internal.metrics;

import reactor.netty.http.server.HttpServer;

import dev.kestrel.internal.limits.LimitEvents;
import dev.kestrel.options.ListenOptions;

/**
 * What records the connections of an endpoint: installed by the server factory on each
 * endpoint's TCP (or Unix socket) and QUIC server. Free of Micrometer types, so the
 * factory loads without Micrometer; {@link #NONE} changes nothing.
 */
public interface ConnectionMetrics {

	/** Records nothing and installs nothing. */
	ConnectionMetrics NONE = new ConnectionMetrics() {

		@Override
		public HttpServer applyTo(HttpServer server, ListenOptions endpoint) {
			return server;
		}

		@Override
		public HttpServer applyToQuic(HttpServer server, ListenOptions endpoint) {
			return server;
		}

		@Override
		public LimitEvents limitEvents() {
			return LimitEvents.NONE;
		}

	};

	/**
	 * Records the connections of an endpoint's TCP or Unix-socket server. Applied last,
	 * so that its handler is the first of every connection.
	 * @param server the endpoint's server (TLS, connection pipeline and limits applied)
	 * @param endpoint the endpoint
	 * @return the server
	 */
	HttpServer applyTo(HttpServer server, ListenOptions endpoint);

	/**
	 * Records the QUIC connections (HTTP/3) of an endpoint.
	 * @param server the endpoint's QUIC server
	 * @param endpoint the endpoint
	 * @return the server
	 */
	HttpServer applyToQuic(HttpServer server, ListenOptions endpoint);

	/**
	 * @return where the endpoint's limits report refusals
	 */
	LimitEvents limitEvents();

}
