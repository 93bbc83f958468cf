package dev.kestrel.internal.limits;

import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2StreamChannel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
import dev.kestrel.options.MinDataRate;

/**
 * {@code MaxRequestBodySize}: when the application starts reading a body, a declared
 * {@code Content-Length} over the limit fails the read at once, and a body that grows
 * over it fails when it does; either way the application sees a 413
 * {@link ResponseStatusException} (WebFlux answers 413) and the connection is not kept
 * alive, as in Kestrel. The limit is the connection's (endpoint or SNI entry), changeable
 * per request until reading starts ({@link MaxRequestBodySize}). The body's minimum data
 * rate ({@code MinRequestBodyDataRate}, {@link RequestBodyDataRate}) is timed while the
 * application reads it, changeable per request the same way
 * ({@link MinRequestBodyDataRate}).
 */
public final class RequestBodyLimit {

	private static final Log logger = LogFactory.getLog(RequestBodyLimit.class);

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
			MinRequestBodyDataRate rate = new MinRequestBodyDataRate(limits.minRequestBodyDataRate());
			MinRequestBodyDataRate.attach(channel, rate);
			return handler.handle(new LimitedRequest(request, response, channel, limit, rate), response);
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

		private final Channel channel;

		private final MaxRequestBodySize limit;

		private final MinRequestBodyDataRate rate;

		private final boolean http1;

		LimitedRequest(ServerHttpRequest delegate, ServerHttpResponse response, Channel channel,
				MaxRequestBodySize limit, MinRequestBodyDataRate rate) {
			super(delegate);
			this.response = response;
			this.channel = channel;
			this.limit = limit;
			this.rate = rate;
			this.http1 = !(channel instanceof Http2StreamChannel);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			Flux<DataBuffer> body = super.getBody();
			return Flux.defer(() -> {
				Flux<DataBuffer> limited = limitSize(body, this.limit.startReading());
				MinDataRate min = this.rate.startReading();
				if (min == null || min.bytesPerSecond() == 0) {
					return limited;
				}
				return RequestBodyDataRate.time(limited, min, this.channel, () -> tooSlow(min));
			});
		}

		private Flux<DataBuffer> limitSize(Flux<DataBuffer> body, long max) {
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
		}

		/**
		 * Kestrel's answer to a slow body: logged; over HTTP/1.1 a 408 with
		 * {@code Connection: close} (the connection is aborted once the response has
		 * started); over HTTP/2 the connection is aborted with GOAWAY
		 * {@code INTERNAL_ERROR}.
		 */
		private ResponseStatusException tooSlow(MinDataRate min) {
			if (logger.isInfoEnabled()) {
				logger.info(LimitsMessages.requestBodyTooSlow(this.channel.id().asShortText(), getId(),
						min.bytesPerSecond()));
			}
			if (!this.http1) {
				Channel connection = this.channel.parent();
				connection.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.INTERNAL_ERROR))
					.addListener(ChannelFutureListener.CLOSE);
			}
			else if (this.response.isCommitted()) {
				this.channel.close();
			}
			else {
				this.response.getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return new ResponseStatusException(HttpStatus.REQUEST_TIMEOUT, LimitsMessages.requestBodyTimeout());
		}

		private ResponseStatusException tooLarge(long max) {
			if (this.http1 && !this.response.isCommitted()) {
				this.response.getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, LimitsMessages.requestBodyTooLarge(max));
		}

	}

}
