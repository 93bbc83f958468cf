package dev.kestrel.internal.server.protocols;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.ProtocolMessages;
import dev.kestrel.internal.server.tls.TlsHandshakes;

/**
 * Enforces Kestrel's HTTP/2-over-TLS rules once the handshake is done, before the HTTP
 * codec is chosen:
 * <ul>
 * <li>an HTTP/2-only endpoint whose client did not negotiate {@code h2} is closed with
 * Kestrel's error log; the protocols chosen for the connection decide (its SNI entry's, a
 * TLS handshake callback's, else the endpoint's, as the TLS handler recorded them);</li>
 * <li>an {@code h2} connection below TLS 1.2, or with a cipher suite RFC 9113 forbids,
 * gets {@code GOAWAY(INADEQUATE_SECURITY)} with Kestrel's message, then is closed.</li>
 * </ul>
 */
final class Http2TlsPolicyHandler extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.http2TlsPolicy";

	private static final Log logger = LogFactory.getLog(Http2TlsPolicyHandler.class);

	private static final int INADEQUATE_SECURITY = 0xC;

	private final String endpointName;

	Http2TlsPolicyHandler(String endpointName) {
		this.endpointName = endpointName;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof SslHandshakeCompletionEvent completion && completion.isSuccess()) {
			SslHandler ssl = ctx.pipeline().get(SslHandler.class);
			String alpn = (ssl != null) ? ssl.applicationProtocol() : null;
			boolean h2 = ApplicationProtocolNames.HTTP_2.equals(alpn);
			boolean http2Only = TlsHandshakes.protocols(ctx.channel())
				.map((protocols) -> protocols.http2() && !protocols.http1())
				.orElse(false);
			if (http2Only && !h2) {
				logger.error(ProtocolMessages.http2NotNegotiated(this.endpointName));
				ctx.close();
				return;
			}
			if (h2 && ssl != null) {
				String protocol = ssl.engine().getSession().getProtocol();
				String cipher = ssl.engine().getSession().getCipherSuite();
				if (!Http2CipherPolicy.isAdequateProtocol(protocol)) {
					goAway(ctx, ProtocolMessages.http2MinimumTlsVersion(protocol));
					return;
				}
				if (!Http2CipherPolicy.isAdequateCipher(cipher)) {
					goAway(ctx, ProtocolMessages.http2InadequateCipher(cipher));
					return;
				}
			}
			ctx.pipeline().remove(this);
		}
		ctx.fireUserEventTriggered(event);
	}

	private void goAway(ChannelHandlerContext ctx, String message) {
		logger.debug(message + " (" + this.endpointName + ")");
		byte[] debug = message.getBytes(StandardCharsets.UTF_8);
		ByteBuf frames = ctx.alloc().buffer(9 + 9 + 8 + debug.length);
		// server connection preface: an empty SETTINGS frame
		frames.writeMedium(0).writeByte(0x4).writeByte(0).writeInt(0);
		// GOAWAY: last stream 0, INADEQUATE_SECURITY, the reason as debug data
		frames.writeMedium(8 + debug.length).writeByte(0x7).writeByte(0).writeInt(0);
		frames.writeInt(0).writeInt(INADEQUATE_SECURITY).writeBytes(debug);
		ctx.writeAndFlush(frames).addListener(ChannelFutureListener.CLOSE);
	}

}
