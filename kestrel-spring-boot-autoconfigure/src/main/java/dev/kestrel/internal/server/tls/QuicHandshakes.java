package dev.kestrel.internal.server.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.ssl.SniCompletionEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.SniMessages;

/**
 * Ends the pipeline of every QUIC (HTTP/3) connection of an endpoint:
 * <ul>
 * <li>records the {@link dev.kestrel.connections.TlsHandshakeFeature} once the handshake
 * is done (the SNI host name comes from Netty's {@link SniCompletionEvent}), so that
 * {@link TlsHandshakes#details} works for HTTP/3 requests as for TCP ones;</li>
 * <li>logs a failed QUIC TLS handshake (an unknown host name, a refused client
 * certificate) at debug level, as the TCP side and Kestrel log failed handshakes — a
 * public server sees many — instead of letting it reach Netty's pipeline tail as a
 * warning with a stack trace.</li>
 * </ul>
 */
@ChannelHandler.Sharable
public final class QuicHandshakes extends ChannelInboundHandlerAdapter {

	/** The handler's name in the QUIC connection's pipeline. */
	public static final String NAME = "kestrel.quicHandshakes";

	private static final Log logger = LogFactory.getLog(QuicHandshakes.class);

	private static final AttributeKey<String> HOST_NAME = AttributeKey.valueOf("dev.kestrel.quic-sni");

	private final String endpointName;

	/**
	 * @param endpointName the endpoint, for log lines
	 */
	public QuicHandshakes(String endpointName) {
		this.endpointName = endpointName;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof SniCompletionEvent sni && sni.hostname() != null) {
			ctx.channel().attr(HOST_NAME).set(sni.hostname());
		}
		else if (event instanceof SslHandshakeCompletionEvent completion && completion.isSuccess()
				&& ctx.channel() instanceof QuicChannel quic && quic.sslEngine() != null) {
			SSLEngine engine = quic.sslEngine();
			SSLSession session = engine.getSession();
			String hostName = ctx.channel().attr(HOST_NAME).getAndSet(null);
			TlsHandshakes.record(ctx.channel(), hostName, session, engine.getApplicationProtocol());
		}
		ctx.fireUserEventTriggered(event);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof SSLHandshakeException) {
			if (logger.isDebugEnabled()) {
				logger.debug(SniMessages.httpsConnectionFailed(this.endpointName), cause);
			}
			ctx.close();
			return;
		}
		ctx.fireExceptionCaught(cause);
	}

}
