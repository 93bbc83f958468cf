package dev.kestrel.internal.connections;

import java.util.ArrayList;
import java.util.List;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.quic.QuicChannel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.connections.ConnectionMiddleware;
import dev.kestrel.connections.ConnectionStage;
import dev.kestrel.connections.IpNetwork;
import dev.kestrel.connections.ProxyProtocol;
import dev.kestrel.diagnostics.ConnectionMessages;
import dev.kestrel.options.ListenOptions;

/**
 * The connection pipeline of one endpoint, as its {@link ListenOptions} registered it,
 * installed on every new connection:
 *
 * <pre>
 * kestrel.proxyProtocol            PROXY protocol header (ProxyProtocol: On | Auto)
 * kestrel.connection.&lt;name&gt; ...    handlers and connection logging registered before useHttps
 * kestrel.middleware               middleware registered before useHttps
 * reactor.left.sslHandler          TLS (HTTPS endpoints)
 * kestrel.connection.&lt;name&gt; ...    handlers and connection logging registered after useHttps
 * kestrel.middleware.tls           middleware registered after useHttps
 * reactor.left.…                   Reactor Netty's HTTP codecs
 * </pre>
 *
 * On an endpoint without TLS every step counts as "before". Steps an endpoint does not
 * use are not installed. QUIC connections (HTTP/3) run all the middleware, in order, once
 * the QUIC handshake is done; handlers and logging do not apply to them.
 */
public final class ConnectionPipeline {

	private static final Log logger = LogFactory.getLog(ConnectionPipeline.class);

	static final String MIDDLEWARE = "kestrel.middleware";

	static final String MIDDLEWARE_AFTER_TLS = "kestrel.middleware.tls";

	private final String endpointName;

	private final boolean https;

	private final List<ConnectionStage> beforeTls;

	private final List<ConnectionStage> afterTls;

	private final ProxyProtocol proxyProtocol;

	private final List<IpNetwork> trustedProxies;

	private final boolean unixSocket;

	private ConnectionPipeline(ListenOptions endpoint) {
		this.endpointName = endpoint.getName();
		this.https = endpoint.isHttps();
		this.beforeTls = endpoint.getConnectionStagesBeforeTls();
		List<ConnectionStage> after = new ArrayList<>(endpoint.getConnectionStagesAfterTls());
		if (endpoint.isConnectionLogging()) {
			after.add(new ConnectionStage.Logging(null));
		}
		this.afterTls = List.copyOf(after);
		this.proxyProtocol = endpoint.getProxyProtocol();
		this.trustedProxies = endpoint.getTrustedProxies();
		this.unixSocket = !endpoint.isTcp();
	}

	/**
	 * @param endpoint the endpoint
	 * @return its connection pipeline
	 */
	public static ConnectionPipeline of(ListenOptions endpoint) {
		return new ConnectionPipeline(endpoint);
	}

	/**
	 * Logs, once per endpoint at start-up, what its connection settings leave open: PROXY
	 * protocol headers believed from any peer (a warning), and handlers that HTTP/3
	 * connections do not get.
	 * @param http3 whether the endpoint serves HTTP/3
	 */
	public void logStartupNotes(boolean http3) {
		if (this.proxyProtocol != ProxyProtocol.OFF && this.trustedProxies.isEmpty() && !this.unixSocket) {
			logger.warn(ConnectionMessages.everyPeerTrusted(this.endpointName, this.proxyProtocol.configurationName()));
		}
		if (http3 && hasChannelHandlers()) {
			logger.info(ConnectionMessages.http3WithoutConnectionHandlers(this.endpointName));
		}
	}

	/**
	 * Installs the pipeline on each TCP (or Unix-socket) connection of the server, after
	 * the TLS handler was put in place.
	 * @param server the endpoint's server
	 * @return the server
	 */
	public HttpServer applyTo(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> install(channel));
	}

	/**
	 * Runs the middleware on each QUIC connection of the endpoint's HTTP/3 server.
	 * @param server the endpoint's QUIC server
	 * @return the server
	 */
	public HttpServer applyToQuic(HttpServer server) {
		List<ConnectionMiddleware> middleware = new ArrayList<>(middleware(this.beforeTls));
		middleware.addAll(middleware(this.afterTls));
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel instanceof QuicChannel) {
				KestrelConnection connection = KestrelConnection.attach(channel, this.endpointName);
				if (!middleware.isEmpty()) {
					channel.pipeline().addFirst(MIDDLEWARE, MiddlewareGate.quic(middleware, connection));
				}
			}
		});
	}

	/**
	 * @return whether the endpoint has handlers or connection logging, which HTTP/3
	 * connections cannot have
	 */
	public boolean hasChannelHandlers() {
		return this.beforeTls.stream().anyMatch((stage) -> !(stage instanceof ConnectionStage.Middleware))
				|| this.afterTls.stream().anyMatch((stage) -> !(stage instanceof ConnectionStage.Middleware));
	}

	void install(Channel channel) {
		KestrelConnection connection = KestrelConnection.attach(channel, this.endpointName);
		ChannelPipeline pipeline = channel.pipeline();
		boolean tls = this.https && pipeline.get(NettyPipeline.SslHandler) != null;
		List<ConnectionStage> before = new ArrayList<>(this.beforeTls);
		if (!tls) {
			before.addAll(this.afterTls);
		}
		List<ConnectionMiddleware> beforeMiddleware = middleware(before);
		boolean proxy = this.proxyProtocol != ProxyProtocol.OFF;
		if (!beforeMiddleware.isEmpty()) {
			pipeline.addFirst(MIDDLEWARE, MiddlewareGate.beforeTls(beforeMiddleware, connection, proxy));
		}
		for (int i = before.size() - 1; i >= 0; i--) {
			addFirst(pipeline, before.get(i));
		}
		if (proxy) {
			pipeline.addFirst(ProxyProtocolHandler.NAME,
					new ProxyProtocolHandler(this.proxyProtocol, this.trustedProxies, connection));
		}
		if (tls) {
			String previous = NettyPipeline.SslHandler;
			for (ConnectionStage stage : this.afterTls) {
				String name = addAfter(pipeline, previous, stage);
				previous = (name != null) ? name : previous;
			}
			List<ConnectionMiddleware> afterMiddleware = middleware(this.afterTls);
			if (!afterMiddleware.isEmpty()) {
				pipeline.addAfter(previous, MIDDLEWARE_AFTER_TLS, MiddlewareGate.afterTls(afterMiddleware, connection));
			}
		}
	}

	private static void addFirst(ChannelPipeline pipeline, ConnectionStage stage) {
		ChannelHandler handler = handler(stage);
		if (handler != null) {
			pipeline.addFirst(name(pipeline, stage), handler);
		}
	}

	private static String addAfter(ChannelPipeline pipeline, String previous, ConnectionStage stage) {
		ChannelHandler handler = handler(stage);
		if (handler == null) {
			return null;
		}
		String name = name(pipeline, stage);
		pipeline.addAfter(previous, name, handler);
		return name;
	}

	private static ChannelHandler handler(ConnectionStage stage) {
		if (stage instanceof ConnectionStage.Handler handler) {
			return handler.handler().get();
		}
		if (stage instanceof ConnectionStage.Logging logging) {
			return new ConnectionLoggingHandler(
					(logging.loggerName() != null) ? logging.loggerName() : ConnectionLoggingHandler.DEFAULT_LOGGER);
		}
		return null;
	}

	private static String name(ChannelPipeline pipeline, ConnectionStage stage) {
		String name = (stage instanceof ConnectionStage.Handler handler) ? handler.pipelineName()
				: "kestrel.connectionLogging";
		String unique = name;
		for (int i = 2; pipeline.get(unique) != null; i++) {
			unique = name + "#" + i;
		}
		return unique;
	}

	private static List<ConnectionMiddleware> middleware(List<ConnectionStage> stages) {
		List<ConnectionMiddleware> middleware = new ArrayList<>();
		for (ConnectionStage stage : stages) {
			if (stage instanceof ConnectionStage.Middleware entry) {
				middleware.add(entry.middleware());
			}
		}
		return middleware;
	}

}
