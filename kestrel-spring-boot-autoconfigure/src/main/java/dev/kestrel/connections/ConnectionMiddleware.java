package dev.kestrel.connections;

import reactor.core.publisher.Mono;

/**
 * Code that runs once per connection of an endpoint (Kestrel's connection middleware,
 * {@code ListenOptions.Use}): once per TCP or Unix-socket connection, not per HTTP/2
 * stream or request.
 * <p>
 * The middleware decides whether the connection goes on: it subscribes to
 * {@code next.proceed()} (usually by returning it) to hand the connection to the next
 * middleware and finally to the HTTP server. As in Kestrel, {@code next} completes when
 * the connection closes, so code chained after it runs at the end of the connection.
 * Returning an error, throwing, or completing without proceeding closes the connection
 * before any byte of it reaches the HTTP server; nothing is sent.
 *
 * <pre>{@code
 * listen.use((connection, next) -> {
 *     log.info("open {} from {}", connection.connectionId(), connection.remoteAddress());
 *     return next.proceed().doFinally((signal) -> log.info("closed {}", connection.connectionId()));
 * });
 * }</pre>
 * <p>
 * Where it is registered relative to {@code useHttps} matters: before, it runs when the
 * connection is accepted (after a PROXY protocol header, if any); after, it runs once the
 * TLS handshake completed and sees the {@link TlsHandshakeFeature}. Middleware runs on
 * the connection's event loop and must not block.
 */
@FunctionalInterface
public interface ConnectionMiddleware {

	/**
	 * Handles one connection.
	 * @param connection the connection
	 * @param next the rest of the pipeline: the next middleware, finally the HTTP server
	 * @return completes when this middleware is done with the connection; the connection
	 * closes then if it is still open
	 */
	Mono<Void> handle(ConnectionContext connection, ConnectionDelegate next);

}
