package dev.kestrel.internal.connections;

import java.util.ArrayDeque;
import java.util.List;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import dev.kestrel.connections.ConnectionDelegate;
import dev.kestrel.connections.ConnectionMiddleware;
import dev.kestrel.diagnostics.ConnectionMessages;

/**
 * Runs a run of connection middleware at its place in the pipeline and holds the
 * connection there until the last one proceeds: nothing it receives goes further, and
 * while the middleware run no read asked for by the handlers after it reaches the socket
 * (before, reads pass: a TLS handshake in progress needs them). Before TLS it starts when
 * the connection is accepted (or once a PROXY protocol header was read); after TLS when
 * the handshake succeeded, holding back the handshake event too, so that nothing past it
 * (HTTP/2's settings frame, say) is sent for a connection a middleware refuses.
 * <p>
 * When the middleware proceed, what was held goes on in order and the gate leaves the
 * pipeline. When one fails, or completes without proceeding, the connection closes and
 * what was held is released unread. When the outermost completes (at the latest, when the
 * connection closed), the connection is closed, as in Kestrel.
 */
final class MiddlewareGate extends ChannelDuplexHandler {

	private static final Log logger = LogFactory.getLog(MiddlewareGate.class);

	private final List<ConnectionMiddleware> middleware;

	private final KestrelConnection connection;

	private final boolean afterTls;

	private final boolean waitForProxyHeader;

	private final boolean holdHandshakeEvent;

	private final ArrayDeque<Object> held = new ArrayDeque<>();

	private boolean started;

	private boolean open;

	private boolean readRequested;

	/**
	 * @param middleware the middleware, outermost first
	 * @param connection the connection
	 * @param afterTls whether the gate sits after the TLS handler (starts at the
	 * handshake)
	 * @param waitForProxyHeader whether it starts only once the PROXY protocol header was
	 * handled
	 */
	private MiddlewareGate(List<ConnectionMiddleware> middleware, KestrelConnection connection, boolean afterTls,
			boolean waitForProxyHeader, boolean holdHandshakeEvent) {
		this.middleware = List.copyOf(middleware);
		this.connection = connection;
		this.afterTls = afterTls;
		this.waitForProxyHeader = waitForProxyHeader;
		this.holdHandshakeEvent = holdHandshakeEvent;
	}

	/**
	 * @param middleware the middleware, outermost first
	 * @param connection the connection
	 * @param waitForProxyHeader whether to start once the PROXY protocol header was
	 * handled rather than when the connection is accepted
	 * @return a gate for the middleware registered before TLS
	 */
	static MiddlewareGate beforeTls(List<ConnectionMiddleware> middleware, KestrelConnection connection,
			boolean waitForProxyHeader) {
		return new MiddlewareGate(middleware, connection, false, waitForProxyHeader, false);
	}

	/**
	 * @param middleware the middleware, outermost first
	 * @param connection the connection
	 * @return a gate after the TLS handler, which starts once the handshake succeeded
	 */
	static MiddlewareGate afterTls(List<ConnectionMiddleware> middleware, KestrelConnection connection) {
		return new MiddlewareGate(middleware, connection, true, false, true);
	}

	/**
	 * @param middleware the middleware, outermost first
	 * @param connection the QUIC connection
	 * @return a gate on a QUIC connection: it lets the handshake event pass (so that the
	 * handshake is recorded) and holds the streams the client opens
	 */
	static MiddlewareGate quic(List<ConnectionMiddleware> middleware, KestrelConnection connection) {
		return new MiddlewareGate(middleware, connection, true, false, false);
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		ctx.fireChannelActive();
		if (!this.afterTls && !this.waitForProxyHeader) {
			start(ctx);
		}
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (this.open) {
			ctx.fireUserEventTriggered(event);
			return;
		}
		if (this.afterTls && event instanceof SslHandshakeCompletionEvent completion) {
			if (!completion.isSuccess()) {
				ctx.fireUserEventTriggered(event);
				return;
			}
			if (this.holdHandshakeEvent) {
				this.held.add(new HeldEvent(event));
			}
			else {
				ctx.fireUserEventTriggered(event);
			}
			start(ctx);
			return;
		}
		if (event == ProxyProtocolHandler.HEADER_HANDLED && !this.afterTls) {
			ctx.fireUserEventTriggered(event);
			start(ctx);
			return;
		}
		ctx.fireUserEventTriggered(event);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.open) {
			ctx.fireChannelRead(msg);
		}
		else {
			this.held.add(msg);
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		if (this.open) {
			ctx.fireChannelReadComplete();
		}
	}

	@Override
	public void read(ChannelHandlerContext ctx) {
		if (this.started && !this.open) {
			this.readRequested = true;
		}
		else {
			ctx.read();
		}
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		release();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		release();
		ctx.fireChannelInactive();
	}

	private void start(ChannelHandlerContext ctx) {
		if (this.started || !ctx.channel().isActive()) {
			return;
		}
		this.started = true;
		Mono<Void> closed = Mono.create((sink) -> ctx.channel().closeFuture().addListener((future) -> sink.success()));
		run(0, ctx, closed).subscribe(null, (error) -> failed(ctx, error), () -> ctx.channel().close());
	}

	private Mono<Void> run(int index, ChannelHandlerContext ctx, Mono<Void> closed) {
		if (index == this.middleware.size()) {
			return Mono.defer(() -> {
				if (ctx.executor().inEventLoop()) {
					proceed(ctx);
				}
				else {
					ctx.executor().execute(() -> proceed(ctx));
				}
				return closed;
			});
		}
		ConnectionMiddleware current = this.middleware.get(index);
		ConnectionDelegate next = () -> run(index + 1, ctx, closed);
		return Mono.defer(() -> current.handle(this.connection, next));
	}

	private void proceed(ChannelHandlerContext ctx) {
		if (this.open || ctx.isRemoved() || !ctx.channel().isActive()) {
			return;
		}
		this.open = true;
		boolean read = false;
		while (!this.held.isEmpty()) {
			Object item = this.held.poll();
			if (item instanceof HeldEvent event) {
				ctx.fireUserEventTriggered(event.event());
			}
			else {
				read = true;
				ctx.fireChannelRead(item);
			}
		}
		if (read) {
			ctx.fireChannelReadComplete();
		}
		if (this.readRequested) {
			ctx.read();
		}
		ctx.pipeline().remove(this);
	}

	private void failed(ChannelHandlerContext ctx, Throwable error) {
		if (!this.open) {
			if (logger.isDebugEnabled()) {
				logger.debug(ConnectionMessages.refusedByMiddleware(this.connection.connectionId(),
						this.connection.endpointName(), String.valueOf(error)));
			}
		}
		else {
			logger.warn(
					ConnectionMessages.middlewareFailed(this.connection.connectionId(), this.connection.endpointName()),
					error);
		}
		release();
		ctx.channel().close();
	}

	private void release() {
		Object item;
		while ((item = this.held.poll()) != null) {
			ReferenceCountUtil.release(item);
		}
	}

	private record HeldEvent(Object event) {
	}

}
