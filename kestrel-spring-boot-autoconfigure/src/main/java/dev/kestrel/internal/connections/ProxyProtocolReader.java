package dev.kestrel.internal.connections;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxySSLTLV;
import io.netty.handler.codec.haproxy.HAProxyTLV;
import io.netty.util.AttributeKey;
import io.netty.util.NetUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.kestrel.connections.ProxyProtocolFeature;
import dev.kestrel.connections.ProxyProtocolTlv;
import dev.kestrel.diagnostics.ConnectionMessages;

/**
 * Takes the decoded PROXY protocol header: records the {@link ProxyProtocolFeature},
 * makes the header's source the connection's remote address, and tells the middleware
 * waiting for it. It then stays, as a pass-through that hands the client's address to
 * Reactor Netty again on every read: Reactor Netty takes its
 * {@code remoteAddressFromProxyProtocol} attribute with {@code getAndSet(null)}, once per
 * HTTP/1.1 connection but once per HTTP/2 stream, so that its own view (access logs)
 * stays right for streams that arrive in later reads. What the application sees is made
 * right for every request by {@link ProxiedClientAddress}.
 */
final class ProxyProtocolReader extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.proxyProtocolReader";

	/** The attribute Reactor Netty's HTTP server reads the client's address from. */
	static final AttributeKey<InetSocketAddress> REACTOR_REMOTE_ADDRESS = AttributeKey
		.valueOf("remoteAddressFromProxyProtocol");

	private static final Log logger = LogFactory.getLog(ProxyProtocolReader.class);

	private final KestrelConnection connection;

	private @Nullable InetSocketAddress client;

	ProxyProtocolReader(KestrelConnection connection) {
		this.connection = connection;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HAProxyMessage header) {
			try {
				read(header);
			}
			finally {
				header.release();
			}
			ctx.fireUserEventTriggered(ProxyProtocolHandler.HEADER_HANDLED);
			ctx.read();
			return;
		}
		if (this.client != null) {
			ctx.channel().attr(REACTOR_REMOTE_ADDRESS).setIfAbsent(this.client);
		}
		ctx.fireChannelRead(msg);
	}

	private void read(HAProxyMessage header) {
		boolean local = header.command() == HAProxyCommand.LOCAL;
		InetSocketAddress source = local ? null : address(header.sourceAddress(), header.sourcePort());
		InetSocketAddress destination = local ? null : address(header.destinationAddress(), header.destinationPort());
		List<ProxyProtocolTlv> tlvs = new ArrayList<>();
		for (HAProxyTLV tlv : header.tlvs()) {
			add(tlvs, tlv);
		}
		int version = (header.protocolVersion() == HAProxyProtocolVersion.V1) ? 1 : 2;
		this.connection.feature(ProxyProtocolFeature.class,
				new ProxyProtocolFeature(version, local, source, destination, tlvs));
		if (source != null && destination != null) {
			this.client = source;
			this.connection.proxied(source, destination);
		}
	}

	private static void add(List<ProxyProtocolTlv> tlvs, HAProxyTLV tlv) {
		tlvs.add(new ProxyProtocolTlv(tlv.typeByteValue() & 0xFF, ByteBufUtil.getBytes(tlv.content())));
		if (tlv instanceof HAProxySSLTLV ssl) {
			for (HAProxyTLV nested : ssl.encapsulatedTLVs()) {
				add(tlvs, nested);
			}
		}
	}

	private static @Nullable InetSocketAddress address(@Nullable String host, int port) {
		if (host == null) {
			return null;
		}
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
		if (bytes == null) {
			return null;
		}
		try {
			return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
		}
		catch (java.net.UnknownHostException ex) {
			return null;
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof DecoderException && ctx.pipeline().get(ProxyProtocolHandler.DECODER_NAME) != null) {
			if (logger.isDebugEnabled()) {
				logger.debug(ConnectionMessages.proxyHeaderInvalid(this.connection.connectionId(),
						this.connection.endpointName(), String.valueOf(ctx.channel().remoteAddress()),
						String.valueOf(cause.getMessage())));
			}
			ctx.close();
			return;
		}
		ctx.fireExceptionCaught(cause);
	}

}
