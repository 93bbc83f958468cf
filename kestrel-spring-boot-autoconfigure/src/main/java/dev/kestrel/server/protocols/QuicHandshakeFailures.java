package dev.kestrel.server.protocols;

import javax.net.ssl.SSLHandshakeException;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.KestrelMessages;

/**
 * Ends the pipeline of every QUIC connection: a failed QUIC TLS handshake (an unknown host name, a refused client
 * certificate, a client without a common TLS setting) is logged at debug level, as Kestrel and the TCP side log failed
 * handshakes — a public server sees many — instead of reaching Netty's pipeline tail as a warning with a stack trace.
 */
@ChannelHandler.Sharable
final class QuicHandshakeFailures extends ChannelInboundHandlerAdapter {

	static final String NAME = "kestrel.quicHandshakeFailures";

	private static final Log logger = LogFactory.getLog(QuicHandshakeFailures.class);

	private final String endpointName;

	QuicHandshakeFailures(String endpointName) {
		this.endpointName = endpointName;
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (cause instanceof SSLHandshakeException) {
			if (logger.isDebugEnabled()) {
				logger.debug(KestrelMessages.httpsConnectionFailed(this.endpointName), cause);
			}
			ctx.close();
			return;
		}
		ctx.fireExceptionCaught(cause);
	}

}
