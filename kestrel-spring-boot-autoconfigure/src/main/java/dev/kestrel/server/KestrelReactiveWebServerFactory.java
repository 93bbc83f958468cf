package dev.kestrel.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

import dev.kestrel.binding.AddressBinder;
import dev.kestrel.binding.BindingPlan;
import dev.kestrel.binding.HostingAddresses;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.KestrelMessages;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;

import static java.util.Objects.requireNonNull;

/**
 * A {@link NettyReactiveWebServerFactory} whose server binds every Kestrel endpoint. Being a subclass keeps
 * {@code server.netty.*}, {@code server.compression.*}, forwarded headers, {@code NettyServerCustomizer} and
 * {@code NettyRouteProvider} beans working; customizers apply to every endpoint, before the endpoint's own address,
 * protocols and TLS.
 * <p>
 * Without server options (as when Spring Boot instantiates this class again for the management port) it behaves
 * exactly like its superclass.
 */
public class KestrelReactiveWebServerFactory extends NettyReactiveWebServerFactory {

	private KestrelServerOptions serverOptions;

	private HostingAddresses hostingAddresses = HostingAddresses.NONE;

	private Duration lifecycleTimeout;

	private ReactorResourceFactory resourceFactory;

	private boolean useForwardHeaders;

	private final List<NettyRouteProvider> routeProviders = new ArrayList<>();

	/**
	 * Sets the endpoints to bind. Without them the factory behaves like {@link NettyReactiveWebServerFactory}.
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
			throw new KestrelConfigurationException(null, "server.ssl", KestrelMessages.serverSslNotSupported(), null);
		}
		BindingPlan plan = AddressBinder.plan(this.serverOptions, this.hostingAddresses);
		plan.endpoints().forEach(KestrelReactiveWebServerFactory::checkSupported);
		ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(httpHandler);
		HttpServer base = createBaseServer();
		List<EndpointServer> endpointServers = new ArrayList<>();
		for (ListenOptions endpoint : plan.endpoints()) {
			HttpServer server = endpointServer(base, endpoint, adapter);
			endpointServers.add(new EndpointServer(endpoint, (options) -> server, this.lifecycleTimeout));
		}
		return new KestrelWebServer(plan, endpointServers, getShutdown());
	}

	private static void checkSupported(ListenOptions endpoint) {
		String key = EndpointServer.configurationKey(endpoint);
		if (endpoint.getProtocols().http3()) {
			throw new KestrelConfigurationException(endpoint.getName(), key,
					KestrelMessages.http3NotSupportedYet(endpoint.getName()), null);
		}
	}

	private HttpServer createBaseServer() {
		HttpServer server = HttpServer.create();
		server = CompressionCustomizer.apply(server, getCompression());
		server = server.forwarded(this.useForwardHeaders);
		for (var customizer : getServerCustomizers()) {
			server = customizer.apply(server);
		}
		return server;
	}

	private HttpServer endpointServer(HttpServer base, ListenOptions options, ReactorHttpHandlerAdapter adapter) {
		HttpServer server = base.protocol(protocols(options))
			.childAttr(KestrelRequests.ENDPOINT_NAME, options.getName());
		if (options.getHttpsOptions() != null) {
			server = TlsCustomizer.apply(server, options);
		}
		server = this.routeProviders.isEmpty() ? server.handle(adapter) : server.route((routes) -> route(routes, adapter));
		if (this.resourceFactory != null) {
			server = server.runOn(this.resourceFactory.getLoopResources());
		}
		return server;
	}

	private void route(HttpServerRoutes routes, ReactorHttpHandlerAdapter adapter) {
		HttpServerRoutes current = routes;
		for (NettyRouteProvider provider : this.routeProviders) {
			current = provider.apply(current);
		}
		current.route((request) -> true, adapter);
	}

	private static HttpProtocol[] protocols(ListenOptions options) {
		HttpProtocol h2 = options.isHttps() ? HttpProtocol.H2 : HttpProtocol.H2C;
		return switch (options.getProtocols()) {
			case HTTP1 -> new HttpProtocol[] { HttpProtocol.HTTP11 };
			case HTTP2 -> new HttpProtocol[] { h2 };
			default -> new HttpProtocol[] { HttpProtocol.HTTP11, h2 };
		};
	}

}
