package dev.kestrel.connections;

import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;

import static java.util.Objects.requireNonNull;

/**
 * Tells a WebFlux handler which endpoint, connection and protocol served a request.
 *
 * <pre>{@code
 * String endpoint = KestrelRequests.endpointName(exchange.getRequest()).orElse("?");
 * Optional<ProxyProtocolFeature> proxy = KestrelRequests.connection(exchange.getRequest())
 *     .flatMap((connection) -> connection.feature(ProxyProtocolFeature.class));
 * }</pre>
 */
public final class KestrelRequests {

	/**
	 * The channel attribute holding the endpoint name (on the connection's channel, or
	 * the QUIC connection's), for Netty handlers.
	 */
	public static final AttributeKey<String> ENDPOINT_NAME = AttributeKey.valueOf("dev.kestrel.endpoint-name");

	/**
	 * The channel attribute holding the {@link ConnectionContext} (on the connection's
	 * channel, or the QUIC connection's), for Netty handlers.
	 */
	public static final AttributeKey<ConnectionContext> CONNECTION = AttributeKey.valueOf("dev.kestrel.connection");

	private KestrelRequests() {
	}

	/**
	 * @param request a request served by a Kestrel endpoint
	 * @return the endpoint name (configuration key or code name), or empty for requests
	 * from elsewhere
	 */
	public static Optional<String> endpointName(ServerHttpRequest request) {
		return channel(request).map((channel) -> find(channel, ENDPOINT_NAME));
	}

	/**
	 * @param request a request served by a Kestrel endpoint
	 * @return the connection that carried it (for HTTP/2 and HTTP/3, the connection, not
	 * the stream), or empty for requests from elsewhere
	 */
	public static Optional<ConnectionContext> connection(ServerHttpRequest request) {
		return channel(request).map((channel) -> find(channel, CONNECTION));
	}

	/**
	 * @param request a request served by Reactor Netty
	 * @return the protocol as Reactor Netty reports it ({@code HTTP/1.1},
	 * {@code HTTP/2.0}), or empty
	 */
	public static Optional<String> protocol(ServerHttpRequest request) {
		return nativeRequest(request).map(HttpServerRequest::protocol);
	}

	private static <T> @Nullable T find(Channel channel, AttributeKey<T> key) {
		for (Channel current = channel; current != null; current = current.parent()) {
			if (current.hasAttr(key)) {
				return current.attr(key).get();
			}
		}
		return null;
	}

	private static Optional<Channel> channel(ServerHttpRequest request) {
		return nativeRequest(request).filter(Connection.class::isInstance)
			.map((nativeRequest) -> ((Connection) nativeRequest).channel());
	}

	private static Optional<HttpServerRequest> nativeRequest(ServerHttpRequest request) {
		requireNonNull(request, "request");
		try {
			// unwraps decorators (the starter's body limit, applications' filters)
			return (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest nativeRequest)
					? Optional.of(nativeRequest) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
