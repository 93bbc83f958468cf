package dev.kestrel.internal.server.protocols;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

import dev.kestrel.diagnostics.ProtocolMessages;

/**
 * On a cleartext HTTP/2-only endpoint (prior-knowledge h2c), answers an HTTP/1.x request
 * as Kestrel does: a raw {@code 400} with the text "An HTTP/1.x request was sent to an
 * HTTP/2 only endpoint." and a close. It looks at the first bytes of a connection only;
 * until the client's HTTP/2 preface is complete it also holds back what the HTTP/2 codec
 * writes (its SETTINGS frame), so that an HTTP/1.x client reads nothing but the 400. Then
 * it steps aside.
 */
final class Http1OnHttp2OnlyEndpointHandler extends ChannelDuplexHandler {

	static final String NAME = "kestrel.http2OnlyCleartext";

	private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private final Queue<Object[]> heldWrites = new ArrayDeque<>();

	private ByteBuf received;

	private boolean flushHeld;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof ByteBuf data)) {
			ctx.fireChannelRead(msg);
			return;
		}
		this.received = (this.received == null) ? data : Unpooled.wrappedBuffer(this.received, data);
		int length = Math.min(this.received.readableBytes(), PREFACE.length);
		for (int i = 0; i < length; i++) {
			if (this.received.getByte(this.received.readerIndex() + i) != PREFACE[i]) {
				reject(ctx);
				return;
			}
		}
		if (length == PREFACE.length) {
			accept(ctx);
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		this.heldWrites.add(new Object[] { msg, promise });
	}

	@Override
	public void flush(ChannelHandlerContext ctx) {
		this.flushHeld = true;
	}

	private void accept(ChannelHandlerContext ctx) {
		ByteBuf all = this.received;
		this.received = null;
		for (Object[] write = this.heldWrites.poll(); write != null; write = this.heldWrites.poll()) {
			ctx.write(write[0], (ChannelPromise) write[1]);
		}
		if (this.flushHeld) {
			ctx.flush();
		}
		ctx.pipeline().remove(this);
		ctx.fireChannelRead(all);
	}

	private void reject(ChannelHandlerContext ctx) {
		discardHeldWrites();
		byte[] body = ProtocolMessages.http1RequestOnHttp2OnlyEndpoint().getBytes(StandardCharsets.US_ASCII);
		String head = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: "
				+ body.length + "\r\n\r\n";
		ByteBuf response = Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
		ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	private void discardHeldWrites() {
		if (this.received != null) {
			this.received.release();
			this.received = null;
		}
		for (Object[] write = this.heldWrites.poll(); write != null; write = this.heldWrites.poll()) {
			ReferenceCountUtil.release(write[0]);
			((ChannelPromise) write[1]).trySuccess();
		}
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		discardHeldWrites();
	}

}
