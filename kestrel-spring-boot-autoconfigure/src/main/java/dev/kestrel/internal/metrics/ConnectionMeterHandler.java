package dev.kestrel.internal.metrics;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The first handler of every TCP or Unix-socket connection: the connection is active from
 * {@code channelActive} to {@code channelInactive} (before any limit, PROXY header or TLS
 * handler sees it, so refused connections are counted too).
 */
final class ConnectionMeterHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.meters";

	private final ConnectionMeter meter;

	ConnectionMeterHandler(ConnectionMeter meter) {
		this.meter = meter;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.meter.opened(ctx.channel());
		ctx.fireChannelActive();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		this.meter.closed(ctx.channel());
		ctx.fireChannelInactive();
	}

	/**
	 * Sits right after the TLS handler: the handshake runs from the moment the connection
	 * reaches TLS (after limits and PROXY header) to Netty's
	 * {@code SslHandshakeCompletionEvent}, or to the close of a connection that never
	 * finished it. Leaves the pipeline once the handshake is done.
	 */
	static final class Tls extends ChannelInboundHandlerAdapter {

		static final String NAME = "kestrel.meters.tls";

		private final ConnectionMeter meter;

		Tls(ConnectionMeter meter) {
			this.meter = meter;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			this.meter.handshakeStarted();
			ctx.fireChannelActive();
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
			if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent completion) {
				io.netty.handler.ssl.SslHandler ssl = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class);
				String protocol = (completion.isSuccess() && ssl != null) ? ssl.engine().getSession().getProtocol()
						: null;
				this.meter.handshakeEnded(protocol, completion.isSuccess() ? null : completion.cause());
				ChannelHandler self = this;
				ctx.pipeline().remove(self);
			}
			ctx.fireUserEventTriggered(event);
		}

	}

}
