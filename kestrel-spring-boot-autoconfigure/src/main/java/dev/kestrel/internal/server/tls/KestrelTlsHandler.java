package dev.kestrel.internal.server.tls;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.AbstractSniHandler;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.NettyPipeline;

import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.internal.connections.KestrelConnection;
import dev.kestrel.internal.sni.TlsConnectionRefusedException;
import dev.kestrel.internal.sni.TlsConnectionRefusedException.Reason;
import dev.kestrel.internal.sni.TlsSelection;

/**
 * The first handler of an HTTPS connection: reads the client hello, asks the endpoint's
 * {@link dev.kestrel.internal.sni.TlsSelector} for the connection's TLS configuration,
 * then replaces itself with an {@link SslHandler} built from the matching (cached)
 * context, after running {@code onAuthenticate} on its engine.
 * <p>
 * A refused connection gets a fatal TLS alert — {@code unrecognized_name} when no SNI
 * section matches, {@code handshake_failure} when the application chose not to serve it,
 * {@code internal_error} when application code failed — and is closed before the server
 * sent any certificate. Refusals the client causes are logged at debug level, as Kestrel
 * logs failed handshakes (a public server sees many: scanners send no or random names);
 * failures of application code are logged as warnings.
 */
final class KestrelTlsHandler extends AbstractSniHandler<TlsSelection> {

	private static final Log logger = LogFactory.getLog(KestrelTlsHandler.class);

	private static final int UNRECOGNIZED_NAME = 112;

	private static final int HANDSHAKE_FAILURE = 40;

	private static final int INTERNAL_ERROR = 80;

	private static final long CLOSE_NOTIFY_FLUSH_TIMEOUT_MILLIS = 3000;

	private final EndpointTls endpoint;

	private boolean refused;

	KestrelTlsHandler(EndpointTls endpoint) {
		super(endpoint.handshakeTimeout().toMillis());
		this.endpoint = endpoint;
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
		if (this.refused) {
			in.skipBytes(in.readableBytes());
			return;
		}
		super.decode(ctx, in, out);
	}

	@Override
	protected Future<TlsSelection> lookup(ChannelHandlerContext ctx, String hostname) {
		String serverName = (hostname == null || hostname.isEmpty()) ? null : hostname;
		Promise<TlsSelection> promise = ctx.executor().newPromise();
		CompletionStage<TlsSelection> selection;
		try {
			selection = this.endpoint.selector().select(connection(ctx.channel()), serverName);
		}
		catch (RuntimeException ex) {
			return promise.setFailure(ex);
		}
		selection.whenComplete((selected, failure) -> {
			if (failure != null) {
				promise.tryFailure((failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure);
			}
			else {
				promise.trySuccess(selected);
			}
		});
		return promise;
	}

	@Override
	protected void onLookupComplete(ChannelHandlerContext ctx, String hostname, Future<TlsSelection> future) {
		if (!ctx.channel().isActive()) {
			this.refused = true;
			return;
		}
		if (!future.isSuccess() || future.getNow() == null) {
			refuse(ctx, future.cause());
			return;
		}
		TlsSelection selection = future.getNow();
		SslHandler handler;
		try {
			SslContext context = this.endpoint.contexts().get(selection);
			handler = context.newHandler(ctx.alloc());
		}
		catch (RuntimeException ex) {
			refuse(ctx, new TlsConnectionRefusedException(Reason.SERVER_ERROR,
					SniMessages.tlsContextFailed(this.endpoint.name(), hostname), ex));
			return;
		}
		handler.setHandshakeTimeoutMillis(this.endpoint.handshakeTimeout().toMillis());
		handler.setCloseNotifyFlushTimeoutMillis(CLOSE_NOTIFY_FLUSH_TIMEOUT_MILLIS);
		if (!(handler.engine() instanceof ReferenceCountedOpenSslEngine)) {
			JdkTlsDefaults.limitGroups(handler.engine());
		}
		else {
			if (!selection.settings().sessionTickets()) {
				SessionTicketKeys.disable(handler.engine());
			}
			if (selection.settings().ocspStapling()) {
				OcspStapler.shared().staple(handler.engine(), selection.settings().certificate().certificate());
			}
		}
		if (selection.onAuthenticate() != null) {
			try {
				selection.onAuthenticate().accept(connection(ctx.channel()), handler.engine());
			}
			catch (RuntimeException ex) {
				ReferenceCountUtil.safeRelease(handler.engine());
				refuse(ctx, ex);
				return;
			}
		}
		String serverName = (hostname == null || hostname.isEmpty()) ? null : hostname;
		ctx.channel().attr(TlsHandshakes.PROTOCOLS).set(selection.settings().protocols());
		if (this.endpoint.servesHttp3(selection)) {
			ctx.channel().attr(TlsHandshakes.HTTP3).set(Boolean.TRUE);
		}
		ctx.pipeline().replace(this, NettyPipeline.SslHandler, handler);
		ctx.pipeline()
			.addAfter(NettyPipeline.SslHandler, TlsHandshakeRecorder.NAME,
					new TlsHandshakeRecorder(this.endpoint.name(), serverName));
	}

	private void refuse(ChannelHandlerContext ctx, Throwable cause) {
		this.refused = true;
		int alert;
		if (cause instanceof TlsConnectionRefusedException refusal) {
			alert = switch (refusal.getReason()) {
				case NO_MATCHING_SNI_SECTION -> UNRECOGNIZED_NAME;
				case NO_CERTIFICATE -> HANDSHAKE_FAILURE;
				case SERVER_ERROR -> INTERNAL_ERROR;
			};
			if (refusal.getReason() == Reason.SERVER_ERROR) {
				logger.warn(refusal.getMessage(), refusal.getCause());
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(refusal.getMessage());
			}
		}
		else {
			alert = INTERNAL_ERROR;
			logger.warn(SniMessages.httpsConnectionFailed(this.endpoint.name()), cause);
		}
		ByteBuf record = ctx.alloc().buffer(7);
		record.writeByte(21).writeShort(0x0303).writeShort(2).writeByte(2).writeByte(alert);
		ctx.writeAndFlush(record).addListener(ChannelFutureListener.CLOSE);
	}

	private TlsConnectionContext connection(Channel channel) {
		SocketAddress local = channel.localAddress();
		SocketAddress remote = channel.remoteAddress();
		KestrelConnection connection = KestrelConnection.of(channel).orElse(null);
		if (connection != null) {
			local = connection.localAddress();
			remote = connection.remoteAddress();
		}
		return new TlsConnectionContext(this.endpoint.name(), inet(local), inet(remote));
	}

	private static SocketAddress inet(SocketAddress address) {
		return (address instanceof InetSocketAddress) ? address : null;
	}

}
