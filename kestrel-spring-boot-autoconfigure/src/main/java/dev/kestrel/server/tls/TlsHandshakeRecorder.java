package dev.kestrel.server.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.KestrelMessages;
import dev.kestrel.options.HttpProtocols;

/**
 * Sits right after the TLS handler until the handshake is done: records the {@link TlsHandshakeDetails}, logs the
 * outcome as Kestrel does (debug level), and closes a connection whose host allows only HTTP/2 when the client did
 * not negotiate {@code h2} (an endpoint-wide HTTP/2-only rule is enforced by the protocol layer). Then it leaves the
 * pipeline.
 */
final class TlsHandshakeRecorder extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.tlsHandshake";

	private static final Log logger = LogFactory.getLog(TlsHandshakeRecorder.class);

	private final String endpointName;

	private final String hostName;

	private final boolean http2OnlyForThisHost;

	TlsHandshakeRecorder(String endpointName, String hostName, HttpProtocols selected, HttpProtocols endpoint) {
		this.endpointName = endpointName;
		this.hostName = (hostName != null) ? hostName : "";
		this.http2OnlyForThisHost = selected.http2() && !selected.http1() && endpoint.http1();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof SslHandshakeCompletionEvent completion) {
			ctx.pipeline().remove(this);
			if (completion.isSuccess()) {
				SslHandler ssl = ctx.pipeline().get(SslHandler.class);
				if (ssl != null && !established(ctx, ssl)) {
					return;
				}
			}
			else if (logger.isDebugEnabled()) {
				if (completion.cause() instanceof SslHandshakeTimeoutException) {
					logger.debug(KestrelMessages.httpsConnectionTimedOut(this.endpointName));
				}
				else {
					logger.debug(KestrelMessages.httpsConnectionFailed(this.endpointName), completion.cause());
				}
			}
		}
		ctx.fireUserEventTriggered(event);
	}

	private boolean established(ChannelHandlerContext ctx, SslHandler ssl) {
		var session = ssl.engine().getSession();
		String alpn = ssl.applicationProtocol();
		ctx.channel()
			.attr(TlsHandshakes.DETAILS)
			.set(new TlsHandshakeDetails(this.hostName, session.getProtocol(), session.getCipherSuite(), alpn));
		if (logger.isDebugEnabled()) {
			logger.debug(KestrelMessages.httpsConnectionEstablished(ctx.channel().id().asShortText(),
					session.getProtocol()));
		}
		if (this.http2OnlyForThisHost && !ApplicationProtocolNames.HTTP_2.equals(alpn)) {
			logger.error(KestrelMessages.http2NotNegotiated(this.endpointName));
			ctx.close();
			return false;
		}
		return true;
	}

}
