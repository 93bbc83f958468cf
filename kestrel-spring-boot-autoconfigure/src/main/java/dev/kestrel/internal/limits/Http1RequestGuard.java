package dev.kestrel.internal.limits;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

import dev.kestrel.diagnostics.ProtocolMessages;

// Over 300 lines: one state machine for HTTP/1.1 framing (head, fixed and chunked bodies), kept whole so that every
// byte of a request head is counted exactly once.
/**
 * Kestrel's HTTP/1.1 request-head limits, counted on the raw bytes before Netty's codec
 * (which counts without CRLFs and has no header count): {@code MaxRequestLineSize} (414),
 * {@code MaxRequestHeadersTotalSize} and {@code MaxRequestHeaderCount} (431) — answered
 * by Reactor Netty after the earlier pipelined requests, from a request that failed to
 * decode — and {@code RequestHeadersTimeout} from a head's first byte (408). Bodies are
 * framed (Content-Length or chunked) so that every request of a keep-alive connection is
 * guarded.
 * <p>
 * The guard steps aside for HTTP/2 (ALPN {@code h2}, the prior-knowledge preface) and
 * after a {@code 101 Switching Protocols} response, handing HTTP/2 connections to the
 * endpoint's HTTP/2 set-up ({@link Http2RequestGuard}, {@link Http2Windows}); on bytes it
 * cannot frame it steps aside too, leaving Netty's own limits (set to the same sizes) in
 * place. The limits are the endpoint's, or the SNI entry's once the TLS handshake chose
 * one.
 */
final class Http1RequestGuard extends ChannelDuplexHandler {

	static final String NAME = "kestrel.http1RequestGuard";

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private static final int SAVED_LINE = 1024;

	private static final String PREFACE_LINE = "PRI * HTTP/2.0";

	/** The whole HTTP/2 client preface: {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}. */
	private static final int PREFACE_LENGTH = 24;

	private boolean preface;

	private enum State {

		LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UPGRADE, PASS, REJECTED

	}

	private final String endpointName;

	private final Function<ChannelHandlerContext, RequestLimits> limitsResolver;

	private final LimitEvents events;

	private final BiConsumer<ChannelPipeline, RequestLimits> onHttp2;

	private @Nullable RequestLimits limits;

	private State state = State.LINE;

	private int lineBytes;

	private int headerBytes;

	private int headerCount;

	private long remaining;

	private boolean chunked;

	private boolean upgrade;

	private final byte[] line = new byte[SAVED_LINE];

	private int lineLength;

	private @Nullable ScheduledFuture<?> headersTimeout;

	/** Where the current request head starts in the buffer being read. */
	private int headStart;

	/** The failed request handed to Reactor Netty in place of a head over a limit. */
	private @Nullable HttpRequest rejected;

	Http1RequestGuard(String endpointName, Function<ChannelHandlerContext, RequestLimits> limitsResolver,
			LimitEvents events, BiConsumer<ChannelPipeline, RequestLimits> onHttp2) {
		this.endpointName = endpointName;
		this.limitsResolver = limitsResolver;
		this.events = events;
		this.onHttp2 = onHttp2;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.state == State.REJECTED) {
			ReferenceCountUtil.release(msg);
			return;
		}
		if (!(msg instanceof ByteBuf bytes)) {
			ctx.fireChannelRead(msg);
			return;
		}
		if (this.limits == null) {
			this.limits = this.limitsResolver.apply(ctx);
			if (ctx.pipeline().get(Http2FrameCodec.class) != null) {
				ChannelPipeline pipeline = ctx.pipeline();
				pipeline.remove(this);
				this.onHttp2.accept(pipeline, this.limits);
				ctx.fireChannelRead(msg);
				return;
			}
		}
		if (this.state != State.UPGRADE) {
			int end = bytes.writerIndex();
			this.headStart = bytes.readerIndex();
			for (int i = bytes.readerIndex(); i < end && this.state != State.PASS; i++) {
				if (this.state == State.LINE && this.lineBytes == 0) {
					this.headStart = i;
				}
				int skip = next(ctx, bytes, i, end);
				if (skip < 0) {
					handOver(ctx, bytes);
					return;
				}
				i += skip;
			}
		}
		boolean stepAside = this.state == State.PASS;
		int prefaceEnd = this.headStart + PREFACE_LENGTH;
		if (stepAside && this.preface && bytes.writerIndex() > prefaceEnd) {
			// the codec that Reactor Netty installs on the preface must meet the frames
			// after
			// it with the HTTP/2 guard already in place
			ByteBuf frames = bytes.retainedSlice(prefaceEnd, bytes.writerIndex() - prefaceEnd);
			bytes.writerIndex(prefaceEnd);
			ctx.fireChannelRead(bytes);
			ChannelPipeline pipeline = ctx.pipeline();
			pipeline.remove(this);
			this.onHttp2.accept(pipeline, this.limits);
			ctx.fireChannelRead(frames);
			return;
		}
		ctx.fireChannelRead(bytes);
		if (stepAside && ctx.pipeline().context(this) != null) {
			ChannelPipeline pipeline = ctx.pipeline();
			pipeline.remove(this);
			this.onHttp2.accept(pipeline, this.limits);
		}
	}

	/**
	 * Consumes the byte at {@code index}.
	 * @return how many following bytes to skip (body bytes), or -1 when the request was
	 * rejected
	 */
	private int next(ChannelHandlerContext ctx, ByteBuf bytes, int index, int end) {
		byte b = bytes.getByte(index);
		switch (this.state) {
			case LINE -> {
				return line(ctx, b) ? 0 : -1;
			}
			case HEADERS -> {
				return header(ctx, b) ? 0 : -1;
			}
			case BODY, CHUNK_DATA -> {
				long available = end - index;
				long take = Math.min(available, this.remaining);
				this.remaining -= take;
				if (this.remaining == 0) {
					this.state = (this.state == State.BODY) ? afterRequest() : State.CHUNK_END;
				}
				return (int) take - 1;
			}
			case CHUNK_SIZE -> chunkSize(b);
			case CHUNK_END -> {
				if (b == LF) {
					this.state = State.CHUNK_SIZE;
				}
			}
			case TRAILERS -> trailer(b);
			default -> {
			}
		}
		return 0;
	}

	private boolean line(ChannelHandlerContext ctx, byte b) {
		RequestLimits current = this.limits;
		if (this.lineBytes == 0) {
			if (b == CR || b == LF) {
				return true;
			}
			startHeadersTimeout(ctx, current);
		}
		this.lineBytes++;
		if (b == LF) {
			if (savedLine().equals(PREFACE_LINE)) {
				this.state = State.PASS;
				this.preface = true;
				cancelHeadersTimeout();
				return true;
			}
			this.lineLength = 0;
			this.state = State.HEADERS;
			return true;
		}
		if (this.lineBytes >= current.maxRequestLineSize()) {
			refuse(ctx, new TooLongHttpLineException(ProtocolMessages.requestLineTooLong()),
					EndReason.INVALID_REQUEST_LINE);
			return false;
		}
		if (b != CR) {
			save(b);
		}
		return true;
	}

	private boolean header(ChannelHandlerContext ctx, byte b) {
		RequestLimits current = this.limits;
		this.headerBytes++;
		if (b == LF) {
			boolean empty = this.lineLength == 0;
			if (empty) {
				cancelHeadersTimeout();
				return endOfHead();
			}
			this.headerCount++;
			if (this.headerCount > current.maxRequestHeaderCount()) {
				refuse(ctx, new TooLongHttpHeaderException(ProtocolMessages.tooManyHeaders()),
						EndReason.INVALID_REQUEST_HEADERS);
				return false;
			}
			inspect(savedLine());
			this.lineLength = 0;
		}
		else if (b != CR) {
			save(b);
		}
		if (this.headerBytes >= current.maxRequestHeadersTotalSize() + 2) {
			refuse(ctx, new TooLongHttpHeaderException(ProtocolMessages.headersExceedMaxTotalSize()),
					EndReason.INVALID_REQUEST_HEADERS);
			return false;
		}
		return true;
	}

	private boolean endOfHead() {
		this.lineLength = 0;
		if (this.chunked) {
			this.state = State.CHUNK_SIZE;
			this.remaining = 0;
		}
		else if (this.remaining > 0) {
			this.state = State.BODY;
		}
		else if (this.remaining < 0) {
			this.state = State.PASS;
		}
		else {
			this.state = afterRequest();
		}
		return true;
	}

	private State afterRequest() {
		boolean upgrading = this.upgrade;
		this.lineBytes = 0;
		this.headerBytes = 0;
		this.headerCount = 0;
		this.remaining = 0;
		this.chunked = false;
		this.upgrade = false;
		this.lineLength = 0;
		return upgrading ? State.UPGRADE : State.LINE;
	}

	/** Reads Content-Length, Transfer-Encoding and Upgrade from a header line. */
	private void inspect(String header) {
		int colon = header.indexOf(':');
		if (colon <= 0) {
			return;
		}
		String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
		String value = header.substring(colon + 1).trim();
		switch (name) {
			case "content-length" -> {
				if (!this.chunked) {
					try {
						this.remaining = Long.parseLong(value);
					}
					catch (NumberFormatException ex) {
						this.remaining = -1;
					}
				}
			}
			case "transfer-encoding" -> {
				this.chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
				if (!this.chunked) {
					this.remaining = -1;
				}
			}
			case "upgrade" -> this.upgrade = true;
			default -> {
			}
		}
	}

	private void chunkSize(byte b) {
		if (b == LF) {
			String size = savedLine();
			int extension = size.indexOf(';');
			size = ((extension >= 0) ? size.substring(0, extension) : size).trim();
			this.lineLength = 0;
			try {
				this.remaining = Long.parseLong(size, 16);
			}
			catch (NumberFormatException ex) {
				this.state = State.PASS;
				return;
			}
			this.state = (this.remaining == 0) ? State.TRAILERS : State.CHUNK_DATA;
		}
		else if (b != CR) {
			save(b);
		}
	}

	/** Trailers end with an empty line; Netty's header size limit bounds them. */
	private void trailer(byte b) {
		if (b == LF) {
			if (this.lineLength == 0) {
				this.state = afterRequest();
			}
			this.lineLength = 0;
		}
		else if (b != CR) {
			save(b);
		}
	}

	private void save(byte b) {
		if (this.lineLength < SAVED_LINE) {
			this.line[this.lineLength] = b;
		}
		this.lineLength++;
	}

	private String savedLine() {
		return new String(this.line, 0, Math.min(this.lineLength, SAVED_LINE), StandardCharsets.ISO_8859_1);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (this.state == State.UPGRADE && msg instanceof ByteBuf bytes && bytes.readableBytes() >= 12) {
			String status = bytes.toString(bytes.readerIndex(), 12, StandardCharsets.US_ASCII);
			if (status.equals("HTTP/1.1 101")) {
				this.state = State.PASS;
				ctx.write(msg, promise);
				ChannelPipeline pipeline = ctx.pipeline();
				pipeline.remove(this);
				RequestLimits current = this.limits;
				ctx.executor().execute(() -> this.onHttp2.accept(pipeline, current));
				return;
			}
			this.state = State.LINE;
		}
		ctx.write(msg, promise);
	}

	private void startHeadersTimeout(ChannelHandlerContext ctx, RequestLimits current) {
		cancelHeadersTimeout();
		this.headersTimeout = ctx.executor().schedule(() -> {
			if (this.state == State.LINE || this.state == State.HEADERS) {
				reject(ctx, 408, "Request Timeout", EndReason.REQUEST_HEADERS_TIMEOUT);
			}
		}, current.requestHeadersTimeout().toNanos(), TimeUnit.NANOSECONDS);
	}

	private void cancelHeadersTimeout() {
		if (this.headersTimeout != null) {
			this.headersTimeout.cancel(false);
			this.headersTimeout = null;
		}
	}

	/**
	 * Refuses the current request head: Reactor Netty gets the requests before it, then a
	 * request that failed to decode with Netty's exception, so that it answers 414 or 431
	 * after the earlier pipelined responses and closes, as Kestrel does.
	 */
	private void refuse(ChannelHandlerContext ctx, Exception cause, EndReason endReason) {
		cancelHeadersTimeout();
		this.state = State.REJECTED;
		this.events.limitReached(ctx.channel(), this.endpointName, endReason);
		HttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request");
		request.setDecoderResult(DecoderResult.failure(cause));
		this.rejected = request;
	}

	private void handOver(ChannelHandlerContext ctx, ByteBuf bytes) {
		int before = this.headStart - bytes.readerIndex();
		if (before > 0) {
			ctx.fireChannelRead(bytes.retainedSlice(bytes.readerIndex(), before));
		}
		bytes.release();
		HttpRequest request = this.rejected;
		this.rejected = null;
		if (request != null) {
			ctx.fireChannelRead(request);
		}
	}

	private void reject(ChannelHandlerContext ctx, int status, String reason, EndReason endReason) {
		cancelHeadersTimeout();
		this.state = State.REJECTED;
		this.events.limitReached(ctx.channel(), this.endpointName, endReason);
		Http1Responses.reject(ctx, status, reason);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		cancelHeadersTimeout();
		ctx.fireChannelInactive();
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		cancelHeadersTimeout();
	}

}
