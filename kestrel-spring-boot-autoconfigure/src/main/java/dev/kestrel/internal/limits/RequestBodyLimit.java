package dev.kestrel.internal.limits;

import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2StreamChannel;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;

import dev.kestrel.diagnostics.LimitsMessages;

/**
 * {@code MaxRequestBodySize}: when the application starts reading a body, a declared
 * {@code Content-Length} over the limit fails the read at once, and a body that grows
 * over it fails when it does; either way the application sees a 413
 * {@link ResponseStatusException} (WebFlux answers 413) and the connection is not kept
 * alive, as in Kestrel. The limit is the connection's (endpoint or SNI entry), changeable
 * per request until reading starts ({@link MaxRequestBodySize}).
 */
public final class RequestBodyLimit {

	private RequestBodyLimit() {
	}

	/**
	 * @param handler the application
	 * @return the application with request bodies limited on Kestrel endpoints
	 */
	public static HttpHandler wrap(HttpHandler handler) {
		return (request, response) -> {
			Channel channel = channel(request);
			RequestLimits limits = (channel != null) ? EndpointLimits.requestLimits(channel) : null;
			if (limits == null) {
				return handler.handle(request, response);
			}
			MaxRequestBodySize limit = new MaxRequestBodySize(limits.maxRequestBodySize());
			MaxRequestBodySize.attach(channel, limit);
			boolean http1 = !(channel instanceof Http2StreamChannel);
			return handler.handle(new LimitedRequest(request, response, limit, http1), response);
		};
	}

	private static Channel channel(ServerHttpRequest request) {
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return (nativeRequest instanceof Connection connection) ? connection.channel() : null;
	}

	private static final class LimitedRequest extends ServerHttpRequestDecorator {

		private final ServerHttpResponse response;

		private final MaxRequestBodySize limit;

		private final boolean http1;

		LimitedRequest(ServerHttpRequest delegate, ServerHttpResponse response, MaxRequestBodySize limit,
				boolean http1) {
			super(delegate);
			this.response = response;
			this.limit = limit;
			this.http1 = http1;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			Flux<DataBuffer> body = super.getBody();
			return Flux.defer(() -> {
				long max = this.limit.startReading();
				if (max < 0) {
					return body;
				}
				long declared = getHeaders().getContentLength();
				if (declared > max) {
					return Flux.<DataBuffer>error(tooLarge(max));
				}
				AtomicLong read = new AtomicLong();
				return body.handle((buffer, sink) -> {
					if (read.addAndGet(buffer.readableByteCount()) > max) {
						DataBufferUtils.release(buffer);
						sink.error(tooLarge(max));
						return;
					}
					sink.next(buffer);
				});
			});
		}

		private ResponseStatusException tooLarge(long max) {
			if (this.http1 && !this.response.isCommitted()) {
				this.response.getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, LimitsMessages.requestBodyTooLarge(max));
		}

	}

}
