package dev.kestrel.internal.server;

import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;

import static java.util.Objects.requireNonNull;

/**
 * Tells a WebFlux handler which endpoint and which protocol served a request.
 *
 * <pre>{@code
 * String endpoint = KestrelRequests.endpointName(exchange.getRequest()).orElse("?");
 * }</pre>
 */
public final class KestrelRequests {

	static final AttributeKey<String> ENDPOINT_NAME = AttributeKey.valueOf("dev.kestrel.endpoint-name");

	private KestrelRequests() {
	}

	/**
	 * @param request a request served by a Kestrel endpoint
	 * @return the endpoint name (configuration key or code name), or empty for requests
	 * from elsewhere
	 */
	public static Optional<String> endpointName(ServerHttpRequest request) {
		return channel(request).map(KestrelRequests::endpointName);
	}

	/**
	 * @param request a request served by Reactor Netty
	 * @return the protocol as Reactor Netty reports it ({@code HTTP/1.1},
	 * {@code HTTP/2.0}), or empty
	 */
	public static Optional<String> protocol(ServerHttpRequest request) {
		return nativeRequest(request).map(HttpServerRequest::protocol);
	}

	private static String endpointName(Channel channel) {
		for (Channel current = channel; current != null; current = current.parent()) {
			if (current.hasAttr(ENDPOINT_NAME)) {
				return current.attr(ENDPOINT_NAME).get();
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
