package dev.kestrel.internal.limits;

import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;

import dev.kestrel.diagnostics.LimitsMessages;

import static java.util.Objects.requireNonNull;

/**
 * The body size limit of one request, which the application may change until it starts
 * reading the body (Kestrel's {@code IHttpMaxRequestBodySizeFeature}):
 *
 * <pre class="code">
 * MaxRequestBodySize.of(exchange.getRequest()).ifPresent((limit) -&gt; limit.set(100_000_000L));
 * </pre>
 */
public final class MaxRequestBodySize {

	static final AttributeKey<MaxRequestBodySize> ATTRIBUTE = AttributeKey.valueOf("dev.kestrel.max-request-body-size");

	private long limit;

	private boolean readOnly;

	MaxRequestBodySize(long limit) {
		this.limit = limit;
	}

	/**
	 * @param request a request served by a Kestrel endpoint
	 * @return its body size limit, or empty for requests from elsewhere
	 */
	public static Optional<MaxRequestBodySize> of(ServerHttpRequest request) {
		requireNonNull(request, "request");
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (nativeRequest instanceof Connection connection) {
			return Optional.ofNullable(connection.channel().attr(ATTRIBUTE).get());
		}
		return Optional.empty();
	}

	static void attach(Channel channel, MaxRequestBodySize limit) {
		channel.attr(ATTRIBUTE).set(limit);
	}

	/**
	 * @return the limit in bytes, or {@code null} for unlimited
	 */
	public Long get() {
		return (this.limit >= 0) ? this.limit : null;
	}

	/**
	 * Changes the limit of this request.
	 * @param limit the limit in bytes (0 or more), or {@code null} for unlimited
	 * @throws IllegalStateException once the body is being read
	 */
	public void set(Long limit) {
		if (this.readOnly) {
			throw new IllegalStateException(LimitsMessages.maxRequestBodySizeReadOnly());
		}
		if (limit != null && limit < 0) {
			throw new IllegalArgumentException("limit: " + limit + " (expected: null or 0 or more)");
		}
		this.limit = (limit != null) ? limit : -1;
	}

	/**
	 * @return whether the body is being read (the limit can no longer change)
	 */
	public boolean isReadOnly() {
		return this.readOnly;
	}

	long startReading() {
		this.readOnly = true;
		return this.limit;
	}

}
