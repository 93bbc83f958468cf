package dev.kestrel.internal.server.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.SniMessages;

/**
 * Sits right after the TLS handler until the handshake is done: records the
 * {@link dev.kestrel.connections.TlsHandshakeFeature} and logs the outcome as Kestrel
 * does (debug level). Then it leaves the pipeline. (HTTP/2-only hosts are enforced by the
 * protocol layer, from the protocols this connection chose.)
 */
final class TlsHandshakeRecorder extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.tlsHandshake";

	private static final Log logger = LogFactory.getLog(TlsHandshakeRecorder.class);

	private final String endpointName;

	private final String hostName;

	TlsHandshakeRecorder(String endpointName, String hostName) {
		this.endpointName = endpointName;
		this.hostName = (hostName != null) ? hostName : "";
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof SslHandshakeCompletionEvent completion) {
			ctx.pipeline().remove(this);
			if (completion.isSuccess()) {
				SslHandler ssl = ctx.pipeline().get(SslHandler.class);
				if (ssl != null) {
					established(ctx, ssl);
				}
			}
			else if (logger.isDebugEnabled()) {
				if (completion.cause() instanceof SslHandshakeTimeoutException) {
					logger.debug(SniMessages.httpsConnectionTimedOut(this.endpointName));
				}
				else {
					logger.debug(SniMessages.httpsConnectionFailed(this.endpointName), completion.cause());
				}
			}
		}
		ctx.fireUserEventTriggered(event);
	}

	private void established(ChannelHandlerContext ctx, SslHandler ssl) {
		var session = ssl.engine().getSession();
		String alpn = ssl.applicationProtocol();
		TlsHandshakes.record(ctx.channel(), this.hostName, session, alpn);
		if (logger.isDebugEnabled()) {
			logger
				.debug(SniMessages.httpsConnectionEstablished(ctx.channel().id().asShortText(), session.getProtocol()));
		}
	}

}
