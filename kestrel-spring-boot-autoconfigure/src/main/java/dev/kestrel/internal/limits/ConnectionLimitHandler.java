package dev.kestrel.internal.limits;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * {@code MaxConcurrentConnections}: the first handler of every connection. A connection
 * over the endpoint's limit is closed at once, before TLS or any byte is read; the others
 * hold a place until they close.
 */
final class ConnectionLimitHandler extends ChannelInboundHandlerAdapter {

	/** The handler's name in the pipeline (PROXY protocol decoding sits before it). */
	static final String NAME = "kestrel.connectionLimit";

	private final ConnectionCounter counter;

	private final String endpointName;

	private final LimitEvents events;

	private boolean acquired;

	private boolean rejected;

	ConnectionLimitHandler(ConnectionCounter counter, String endpointName, LimitEvents events) {
		this.counter = counter;
		this.endpointName = endpointName;
		this.events = events;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		if (this.counter.tryAcquire()) {
			this.acquired = true;
			ctx.fireChannelActive();
			return;
		}
		this.rejected = true;
		this.counter.rejected(ctx.channel().id().asShortText());
		this.events.limitReached(ctx.channel(), this.endpointName, EndReason.MAX_CONCURRENT_CONNECTIONS_EXCEEDED);
		ctx.close();
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.rejected) {
			ReferenceCountUtil.release(msg);
			return;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		if (this.acquired) {
			this.acquired = false;
			this.counter.release();
		}
		if (!this.rejected) {
			ctx.fireChannelInactive();
		}
	}

}
