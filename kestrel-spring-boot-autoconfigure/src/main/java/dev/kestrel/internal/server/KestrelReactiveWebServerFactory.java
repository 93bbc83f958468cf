package dev.kestrel.internal.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.BiFunction;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.reactivestreams.Publisher;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import dev.kestrel.connections.KestrelRequests;
import dev.kestrel.connections.ProxyProtocol;
import dev.kestrel.internal.connections.ConnectionPipeline;
import dev.kestrel.internal.connections.ProxiedClientAddress;
import dev.kestrel.internal.binding.AddressBinder;
import dev.kestrel.internal.limits.EndpointLimits;
import dev.kestrel.internal.metrics.ConnectionMetrics;
import dev.kestrel.internal.limits.RequestBodyLimit;
import dev.kestrel.internal.binding.BindingPlan;
import dev.kestrel.internal.binding.PlannedEndpoint;
import dev.kestrel.configuration.HostingAddresses;
import dev.kestrel.configuration.KestrelTlsConfig;
import dev.kestrel.configuration.HostingConfig;
import dev.kestrel.internal.hosting.RequestFilters;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.TlsEngine;
import dev.kestrel.internal.server.protocols.EndpointProtocols;
import dev.kestrel.internal.server.protocols.Http3Servers;
import dev.kestrel.internal.server.tls.Http3SslInfoHandler;
import dev.kestrel.internal.server.tls.QuicTls;
import dev.kestrel.internal.server.tls.SessionTicketKeys;
import dev.kestrel.internal.server.tls.TlsEngines;
import dev.kestrel.internal.server.tls.TlsHandshakes;

import static java.util.Objects.requireNonNull;

/**
 * A {@link NettyReactiveWebServerFactory} whose server binds every Kestrel endpoint.
 * Being a subclass keeps {@code server.netty.*}, {@code server.compression.*}, forwarded
 * headers, {@code NettyServerCustomizer} and {@code NettyRouteProvider} beans working;
 * customizers apply to every endpoint, before the endpoint's own address, protocols and
 * TLS.
 * <p>
 * The factory owns its settings: every setter of its superclasses is honoured on every
 * endpoint or refused when the server starts
 * ({@code KestrelReactiveWebServerFactorySettingsTests} lists them, so that a Spring Boot
 * upgrade that adds one fails the build):
 * <ul>
 * <li>honoured on every endpoint: port and address ({@code server.port},
 * {@code server.address}: the fallback endpoint, or random ports for tests), compression,
 * forwarded headers, server header, shutdown, lifecycle timeout, resource factory, route
 * providers, server customizers ({@code server.netty.*},
 * {@code server.max-http-request-header-size});</li>
 * <li>refused: an enabled {@link Ssl} ({@code server.ssl.*}) and error pages;</li>
 * <li>{@link Http2}: endpoints choose protocols with Kestrel's {@code Protocols} (HTTP/2
 * is on by default), so the value Spring Boot always sets is not applied; an explicit
 * {@code server.http2.enabled=false} is refused by the configuration reader;</li>
 * <li>SSL bundles: used by {@code Certificate.Bundle} through the application's
 * {@code SslBundles}.</li>
 * </ul>
 * <p>
 * Without server options (as when Spring Boot instantiates this class again for the
 * management port) it behaves exactly like its superclass.
 */
public class KestrelReactiveWebServerFactory extends NettyReactiveWebServerFactory {

	private KestrelServerOptions serverOptions;

	private HostingAddresses hostingAddresses = HostingAddresses.NONE;

	private Duration lifecycleTimeout;

	private ReactorResourceFactory resourceFactory;

	private TlsEngine tlsEngine;

	private SessionTicketKeys sessionTicketKeys;

	private boolean useForwardHeaders;

	private final List<NettyRouteProvider> routeProviders = new ArrayList<>();

	private boolean cleartextHttp2 = true;

	private HostingConfig hostingConfig = HostingConfig.NONE;

	private ConnectionMetrics connectionMetrics = ConnectionMetrics.NONE;

	private boolean portSet;

	private boolean addressSet;

	/**
	 * Sets the endpoints to bind. Without them the factory behaves like
	 * {@link NettyReactiveWebServerFactory}.
	 * @param serverOptions the server options
	 */
	public void setServerOptions(KestrelServerOptions serverOptions) {
		this.serverOptions = requireNonNull(serverOptions, "serverOptions");
	}

	/**
	 * Sets the addresses the environment asks for ({@code urls}, {@code server.port}).
	 * @param hostingAddresses the addresses
	 */
	public void setHostingAddresses(HostingAddresses hostingAddresses) {
		this.hostingAddresses = requireNonNull(hostingAddresses, "hostingAddresses");
	}

	@Override
	public void setPort(int port) {
		super.setPort(port);
		this.portSet = true;
	}

	@Override
	public void setAddress(InetAddress address) {
		super.setAddress(address);
		this.addressSet = address != null;
	}

	@Override
	public void setLifecycleTimeout(Duration lifecycleTimeout) {
		super.setLifecycleTimeout(lifecycleTimeout);
		this.lifecycleTimeout = lifecycleTimeout;
	}

	@Override
	public void setResourceFactory(ReactorResourceFactory resourceFactory) {
		super.setResourceFactory(resourceFactory);
		this.resourceFactory = resourceFactory;
	}

	@Override
	public void setUseForwardHeaders(boolean useForwardHeaders) {
		super.setUseForwardHeaders(useForwardHeaders);
		this.useForwardHeaders = useForwardHeaders;
	}

	@Override
	public void addRouteProviders(NettyRouteProvider... routeProviders) {
		super.addRouteProviders(routeProviders);
		this.routeProviders.addAll(List.of(routeProviders));
	}

	@Override
	public WebServer getWebServer(HttpHandler httpHandler) {
		if (this.serverOptions == null) {
			return super.getWebServer(httpHandler);
		}
		if (Ssl.isEnabled(getSsl())) {
			throw new KestrelConfigurationException(null, "server.ssl", ConfigurationMessages.serverSslNotSupported(),
					null);
		}
		if (!getErrorPages().isEmpty()) {
			throw new KestrelConfigurationException(null, "errorPages", ConfigurationMessages.errorPagesNotSupported(),
					null);
		}
		BindingPlan plan = AddressBinder.plan(this.serverOptions, hostingAddresses());
		HttpHandler application = RequestBodyLimit.wrap(serverHeader(httpHandler, getServerHeader()));
		if (plan.endpoints()
			.stream()
			.anyMatch((planned) -> planned.options().getProxyProtocol() != ProxyProtocol.OFF)) {
			application = ProxiedClientAddress.decorate(application);
		}
		ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(application);
		ReactorHttpHandlerAdapter http3Adapter = null;
		HttpServer tcpBase = createTcpBase();
		List<EndpointServer> endpointServers = new ArrayList<>();
		AtomicReference<KestrelWebServer> started = new AtomicReference<>();
		Supplier<Set<Integer>> httpsPorts = () -> httpsPorts(started.get());
		for (PlannedEndpoint planned : plan.endpoints()) {
			ListenOptions endpoint = planned.options();
			EndpointProtocols protocols = EndpointProtocols.of(endpoint, planned.port(), this.cleartextHttp2);
			QuicTls quicTls = protocols.http3() ? QuicTls.of(endpoint) : null;
			ConnectionPipeline.of(endpoint).logStartupNotes(quicTls != null);
			RequestFilters filters = RequestFilters.of(this.hostingConfig, endpoint, httpsPorts);
			Handler handler = (quicTls != null && protocols.hasTcp() && !endpoint.isDisableAltSvcHeader())
					? altSvc(adapter, planned.port()) : adapter::apply;
			handler = filters.wrap(handler)::apply;
			HttpServer tcp = protocols.hasTcp() ? tcpServer(tcpBase, endpoint, protocols, handler, quicTls) : null;
			HttpServer quic = null;
			if (quicTls != null) {
				http3Adapter = (http3Adapter != null) ? http3Adapter
						: new ReactorHttpHandlerAdapter(new Http3SslInfoHandler(application));
				quic = quicServer(endpoint, quicTls, filters.wrap(http3Adapter::apply)::apply);
			}
			endpointServers.add(new EndpointServer(planned, tcp, quic, this.lifecycleTimeout));
		}
		KestrelWebServer server = new KestrelWebServer(plan, endpointServers, getShutdown());
		started.set(server);
		return server;
	}

	private static Set<Integer> httpsPorts(KestrelWebServer server) {
		if (server == null) {
			return Set.of();
		}
		Set<Integer> ports = new TreeSet<>();
		for (BoundEndpoint endpoint : server.getBoundEndpoints()) {
			if (endpoint.listenOptions().isHttps() && endpoint.port() >= 0) {
				ports.add(endpoint.port());
			}
		}
		return ports;
	}

	/**
	 * The addresses asked for outside the {@code Kestrel} section: the address lists from
	 * the environment, and this factory's port and address when they were set
	 * ({@code server.port}, {@code server.address}; an address without a port listens on
	 * the factory's default port, 8080, as Spring Boot does).
	 * @return the addresses
	 */
	HostingAddresses hostingAddresses() {
		Integer port = (this.portSet || this.addressSet) ? getPort() : null;
		InetAddress address = this.addressSet ? getAddress() : null;
		return this.hostingAddresses.withServer(port, address);
	}

	/**
	 * Sets what endpoints do before the application sees a request: host filtering
	 * ({@code AllowedHosts}), HTTPS redirection, HSTS.
	 * @param hostingConfig the settings
	 */
	public void setHostingConfig(HostingConfig hostingConfig) {
		this.hostingConfig = requireNonNull(hostingConfig, "hostingConfig");
	}

	private synchronized SessionTicketKeys sessionTicketKeys() {
		if (this.sessionTicketKeys == null) {
			setTls(KestrelTlsConfig.DEFAULT);
		}
		return this.sessionTicketKeys;
	}

	/**
	 * Applies {@code kestrel.tls.*}: chooses the process-wide TLS engine now, before any
	 * TLS context is built, and prepares the session-ticket keys of this server's
	 * endpoints.
	 * @param tls the settings
	 * @throws dev.kestrel.diagnostics.KestrelConfigurationException when the engine
	 * cannot load or the key file cannot be used
	 */
	public void setTls(KestrelTlsConfig tls) {
		requireNonNull(tls, "tls");
		this.tlsEngine = TlsEngines.choose(TlsEngine.parse(tls.engine()));
		this.sessionTicketKeys = SessionTicketKeys.create(tls.sessionTicketKeys());
	}

	/**
	 * Sets whether cleartext {@code Http1AndHttp2} endpoints serve h2c as well as
	 * HTTP/1.1 (the default), or only HTTP/1.1 as Kestrel does.
	 * @param cleartextHttp2 whether to serve h2c next to HTTP/1.1
	 */
	public void setCleartextHttp2(boolean cleartextHttp2) {
		this.cleartextHttp2 = cleartextHttp2;
	}

	/**
	 * Sets what records every endpoint's connections (Kestrel's meters).
	 * @param connectionMetrics the metrics, or {@link ConnectionMetrics#NONE}
	 */
	public void setConnectionMetrics(ConnectionMetrics connectionMetrics) {
		this.connectionMetrics = requireNonNull(connectionMetrics, "connectionMetrics");
	}

	private HttpServer createTcpBase() {
		HttpServer server = createSharedBase();
		for (var customizer : getServerCustomizers()) {
			server = customizer.apply(server);
		}
		return server;
	}

	private HttpServer createSharedBase() {
		HttpServer server = HttpServer.create();
		server = CompressionCustomizer.apply(server, getCompression());
		return server.forwarded(this.useForwardHeaders);
	}

	private HttpServer tcpServer(HttpServer base, ListenOptions options, EndpointProtocols protocols, Handler handler,
			QuicTls quicTls) {
		HttpServer server = base.protocol(protocols.tcp()).childAttr(KestrelRequests.ENDPOINT_NAME, options.getName());
		if (options.getHttpsOptions() != null) {
			server = TlsCustomizer.apply(server, options, quicTls, sessionTicketKeys());
		}
		server = ConnectionPipeline.of(options).applyTo(server);
		server = protocols.applyRules(server, options);
		server = EndpointLimits.apply(server, options, this.connectionMetrics.limitEvents());
		server = this.connectionMetrics.applyTo(server, options);
		return finish(server, handler);
	}

	private HttpServer quicServer(ListenOptions options, QuicTls tls, Handler handler) {
		HttpServer server = ConnectionPipeline.of(options)
			.applyToQuic(Http3Servers.create(createSharedBase(), options, tls))
			.attr(KestrelRequests.ENDPOINT_NAME, options.getName())
			.childAttr(KestrelRequests.ENDPOINT_NAME, options.getName());
		server = this.connectionMetrics.applyToQuic(server, options);
		return finish(server, handler);
	}

	private HttpServer finish(HttpServer server, Handler handler) {
		server = this.routeProviders.isEmpty() ? server.handle(handler)
				: server.route((routes) -> route(routes, handler));
		if (this.resourceFactory != null) {
			server = server.runOn(this.resourceFactory.getLoopResources());
		}
		return server;
	}

	/**
	 * Advertises HTTP/3 on the TCP responses of connections whose host name HTTP/3 serves
	 * (every connection when the endpoint has one certificate; per SNI entry otherwise).
	 */
	private static Handler altSvc(ReactorHttpHandlerAdapter adapter, int port) {
		String value = Http3Servers.altSvc(port);
		return (request, response) -> {
			if (request instanceof Connection connection && TlsHandshakes.servesHttp3(connection.channel())) {
				response.header(HttpHeaderNames.ALT_SVC, value);
			}
			return adapter.apply(request, response);
		};
	}

	/**
	 * Sends {@code server.server-header} on every response (Spring Boot's Netty server
	 * leaves it out).
	 */
	private static HttpHandler serverHeader(HttpHandler handler, String value) {
		if (value == null || value.isBlank()) {
			return handler;
		}
		return (request, response) -> {
			response.getHeaders().set(HttpHeaders.SERVER, value);
			return handler.handle(request, response);
		};
	}

	private void route(HttpServerRoutes routes, Handler handler) {
		HttpServerRoutes current = routes;
		for (NettyRouteProvider provider : this.routeProviders) {
			current = provider.apply(current);
		}
		current.route((request) -> true, handler);
	}

	/**
	 * The application's handler as Reactor Netty calls it.
	 */
	private interface Handler extends BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	}

}
