package dev.kestrel.internal.limits;

import java.util.Map;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Kestrel's request limits that Netty's HTTP/2 codec does not know, checked on each
 * decoded HEADERS frame (after {@link Http2FrameCodec}, before the streams are handed to
 * Reactor Netty):
 * <ul>
 * <li>{@code MaxRequestLineSize} over {@code :method} + {@code :scheme} +
 * {@code :authority} + {@code :path} (as Kestrel's {@code Http2Stream}): RST_STREAM
 * {@code PROTOCOL_ERROR};</li>
 * <li>{@code MaxRequestHeaderCount} over the regular header fields: GOAWAY
 * {@code PROTOCOL_ERROR};</li>
 * <li>{@code Http2.MaxRequestHeaderFieldSize} over each decoded name and each decoded
 * value: GOAWAY {@code COMPRESSION_ERROR} (Kestrel's HPACK decoder refuses the string
 * while decoding).</li>
 * </ul>
 */
final class Http2RequestGuard extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.http2RequestGuard";

	private final RequestLimits limits;

	private final int maxFieldSize;

	private final String endpointName;

	private final LimitEvents events;

	Http2RequestGuard(RequestLimits limits, int maxFieldSize, String endpointName, LimitEvents events) {
		this.limits = limits;
		this.maxFieldSize = maxFieldSize;
		this.endpointName = endpointName;
		this.events = events;
	}

	/** Installs the guard right after the connection's HTTP/2 codec, if there is one. */
	static void install(ChannelPipeline pipeline, Http2RequestGuard guard) {
		var codec = pipeline.context(Http2FrameCodec.class);
		if (codec != null && pipeline.get(NAME) == null) {
			pipeline.addAfter(codec.name(), NAME, guard);
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof Http2HeadersFrame frame && !check(ctx, frame)) {
			ReferenceCountUtil.release(msg);
			return;
		}
		ctx.fireChannelRead(msg);
	}

	private boolean check(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
		Http2Headers headers = frame.headers();
		int regular = 0;
		for (Map.Entry<CharSequence, CharSequence> header : headers) {
			if (header.getKey().length() > this.maxFieldSize || header.getValue().length() > this.maxFieldSize) {
				goAway(ctx, Http2Error.COMPRESSION_ERROR, EndReason.INVALID_REQUEST_HEADERS);
				return false;
			}
			if (header.getKey().length() == 0 || header.getKey().charAt(0) != ':') {
				regular++;
			}
		}
		if (regular > this.limits.maxRequestHeaderCount()) {
			goAway(ctx, Http2Error.PROTOCOL_ERROR, EndReason.INVALID_REQUEST_HEADERS);
			return false;
		}
		if (headers.method() != null) {
			int line = length(headers.method()) + length(headers.scheme()) + length(headers.authority())
					+ length(headers.path());
			if (line > this.limits.maxRequestLineSize()) {
				this.events.limitReached(this.endpointName, EndReason.INVALID_REQUEST_LINE);
				ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.PROTOCOL_ERROR).stream(frame.stream()));
				return false;
			}
		}
		return true;
	}

	private void goAway(ChannelHandlerContext ctx, Http2Error error, EndReason reason) {
		this.events.limitReached(this.endpointName, reason);
		ctx.writeAndFlush(new DefaultHttp2GoAwayFrame(error)).addListener(ChannelFutureListener.CLOSE);
	}

	private static int length(CharSequence value) {
		return (value != null) ? value.length() : 0;
	}

}
