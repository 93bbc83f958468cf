package dev.kestrel.internal.metrics;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The QUIC handshake (TLS 1.3) of an HTTP/3 connection: done when the QUIC channel
 * becomes active; a connection closed before that failed it.
 */
final class QuicHandshakeMeter extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.meters.quic";

	private final ConnectionMeter meter;

	QuicHandshakeMeter(ConnectionMeter meter) {
		this.meter = meter;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) {
		this.meter.handshakeEnded("TLSv1.3", null);
		ctx.pipeline().remove(this);
		ctx.fireChannelActive();
	}

}
