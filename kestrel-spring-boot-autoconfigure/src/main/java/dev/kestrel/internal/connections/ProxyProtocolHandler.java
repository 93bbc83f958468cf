package dev.kestrel.internal.connections;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.ProtocolDetectionState;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.connections.IpNetwork;
import dev.kestrel.connections.ProxyProtocol;
import dev.kestrel.diagnostics.ConnectionMessages;

/**
 * The first handler of an endpoint that reads PROXY protocol headers. It checks the peer
 * against {@code TrustedProxies}, looks at the first bytes and, when they are a header
 * (version 1 or 2), hands them to Netty's {@link HAProxyMessageDecoder} and the
 * {@link ProxyProtocolReader} behind it. {@code On} closes a connection from an untrusted
 * peer, or one that starts with anything but a header; {@code Auto} lets such a
 * connection go on as it is. Either way it leaves the pipeline and tells the middleware
 * waiting for the header ({@link #HEADER_HANDLED}).
 */
final class ProxyProtocolHandler extends ByteToMessageDecoder {

	/** Fired down the pipeline once the header was read or found absent. */
	static final Object HEADER_HANDLED = new Object() {
		@Override
		public String toString() {
			return "PROXY protocol header handled";
		}
	};

	static final String NAME = "kestrel.proxyProtocol";

	static final String DECODER_NAME = "kestrel.proxyProtocolDecoder";

	/**
	 * The most TLV bytes a version 2 header may carry: room for HAProxy's SSL fields,
	 * unique ids and AWS's endpoint ids; a longer header closes the connection.
	 */
	static final int MAX_TLV_BYTES = 4096;

	private static final Log logger = LogFactory.getLog(ProxyProtocolHandler.class);

	private final ProxyProtocol mode;

	private final List<IpNetwork> trustedProxies;

	private final KestrelConnection connection;

	ProxyProtocolHandler(ProxyProtocol mode, List<IpNetwork> trustedProxies, KestrelConnection connection) {
		this.mode = mode;
		this.trustedProxies = trustedProxies;
		this.connection = connection;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		if (!trusted(ctx.channel().remoteAddress())) {
			String peer = String.valueOf(ctx.channel().remoteAddress());
			if (this.mode == ProxyProtocol.ON) {
				if (logger.isDebugEnabled()) {
					logger.debug(ConnectionMessages.proxyHeaderFromUntrustedPeer(this.connection.connectionId(),
							this.connection.endpointName(), peer));
				}
				ctx.close();
				return;
			}
			if (logger.isDebugEnabled()) {
				logger.debug(ConnectionMessages.proxyHeaderIgnoredFromUntrustedPeer(this.connection.connectionId(),
						this.connection.endpointName(), peer));
			}
			ctx.fireChannelActive();
			done(ctx);
			return;
		}
		ctx.fireChannelActive();
		ctx.read();
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		ProtocolDetectionState state = HAProxyMessageDecoder.detectProtocol(in).state();
		if (state == ProtocolDetectionState.NEEDS_MORE_DATA) {
			return;
		}
		if (state == ProtocolDetectionState.DETECTED) {
			ctx.pipeline()
				.addAfter(ctx.name(), DECODER_NAME, new HAProxyMessageDecoder(MAX_TLV_BYTES))
				.addAfter(DECODER_NAME, ProxyProtocolReader.NAME, new ProxyProtocolReader(this.connection));
			ctx.pipeline().remove(this);
			return;
		}
		if (this.mode == ProxyProtocol.ON) {
			if (logger.isDebugEnabled()) {
				logger.debug(ConnectionMessages.proxyHeaderMissing(this.connection.connectionId(),
						this.connection.endpointName(), String.valueOf(ctx.channel().remoteAddress())));
			}
			in.skipBytes(in.readableBytes());
			ctx.close();
			return;
		}
		done(ctx);
	}

	private void done(ChannelHandlerContext ctx) {
		ctx.fireUserEventTriggered(HEADER_HANDLED);
		ctx.pipeline().remove(this);
	}

	private boolean trusted(SocketAddress peer) {
		if (this.trustedProxies.isEmpty() || !(peer instanceof InetSocketAddress inet)) {
			return true;
		}
		if (inet.getAddress() == null) {
			return false;
		}
		for (IpNetwork network : this.trustedProxies) {
			if (network.contains(inet.getAddress())) {
				return true;
			}
		}
		return false;
	}

}
