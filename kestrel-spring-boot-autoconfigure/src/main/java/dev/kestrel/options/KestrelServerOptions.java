package dev.kestrel.options;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.certificates.ServerCertificate;

import static java.util.Objects.requireNonNull;

/**
 * The code API for endpoints, mirroring Kestrel's {@code KestrelServerOptions}. Receive
 * it in a {@code KestrelServerOptionsCustomizer} bean:
 *
 * <pre class="code">
 * &#64;Bean
 * KestrelServerOptionsCustomizer endpoints() {
 *     return (options) -&gt; {
 *         options.listenLocalhost(5100, (listen) -&gt; listen.protocols(HttpProtocols.HTTP1));
 *         options.listenUnixSocket("/run/app.sock");
 *         options.configure().endpoint("Https", (endpoint) -&gt; endpoint.getListenOptions().protocols(HttpProtocols.HTTP2));
 *     };
 * }
 * </pre>
 *
 * Endpoints declared here add to the ones in configuration ({@code Kestrel.Endpoints});
 * both replace address lists ({@code urls}).
 */
public final class KestrelServerOptions {

	private static final Consumer<ListenOptions> NO_DEFAULTS = (options) -> {
	};

	/**
	 * Code endpoints without a name are named {@code code-N} when added, N counting
	 * those.
	 */
	private int unnamedCodeEndpoints;

	private final List<ListenOptions> codeListenOptions = new ArrayList<>();

	private Consumer<ListenOptions> endpointDefaults = NO_DEFAULTS;

	private KestrelConfigurationLoader configurationLoader;

	private List<String> urls = List.of();

	private Consumer<HttpsConnectionAdapterOptions> httpsDefaults = (options) -> {
	};

	private CertificateProvider certificateProvider;

	private final KestrelServerLimits limits = new KestrelServerLimits();

	/**
	 * Returns the server's limits (Kestrel's {@code KestrelServerOptions.Limits}), with
	 * Kestrel's defaults; each endpoint may override them
	 * ({@link ListenOptions#getLimits()}).
	 * @return the limits
	 */
	public KestrelServerLimits getLimits() {
		return this.limits;
	}

	private Function<String, KestrelConfig> sectionReader;

	/** Endpoints of earlier loaders that were loaded before being replaced. */
	private final List<ListenOptions> earlierConfigurationEndpoints = new ArrayList<>();

	/**
	 * Listens on one IP address.
	 * @param address the address ({@code 0.0.0.0}, {@code ::} for any)
	 * @param port the port (0 for a dynamic port)
	 * @return the new endpoint
	 */
	public ListenOptions listen(InetAddress address, int port) {
		return listen(address, port, NO_DEFAULTS);
	}

	/**
	 * Listens on one IP address and configures the endpoint.
	 * @param address the address
	 * @param port the port (0 for a dynamic port)
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return the new endpoint
	 */
	public ListenOptions listen(InetAddress address, int port, Consumer<ListenOptions> configure) {
		return add(ListenOptions.ip(address, port, EndpointSource.CODE), configure);
	}

	/**
	 * Listens on one socket address.
	 * @param address the address
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return the new endpoint
	 */
	public ListenOptions listen(InetSocketAddress address, Consumer<ListenOptions> configure) {
		requireNonNull(address, "address");
		return listen(address.getAddress(), address.getPort(), configure);
	}

	/**
	 * Listens on every IPv4 and IPv6 address.
	 * @param port the port
	 * @return the new endpoint
	 */
	public ListenOptions listenAnyIP(int port) {
		return listenAnyIP(port, NO_DEFAULTS);
	}

	/**
	 * Listens on every IPv4 and IPv6 address and configures the endpoint.
	 * @param port the port
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return the new endpoint
	 */
	public ListenOptions listenAnyIP(int port, Consumer<ListenOptions> configure) {
		return add(ListenOptions.anyIp(port, EndpointSource.CODE), configure);
	}

	/**
	 * Listens on the IPv4 and IPv6 loopback addresses.
	 * @param port the port (not 0)
	 * @return the new endpoint
	 */
	public ListenOptions listenLocalhost(int port) {
		return listenLocalhost(port, NO_DEFAULTS);
	}

	/**
	 * Listens on the IPv4 and IPv6 loopback addresses and configures the endpoint.
	 * @param port the port (not 0)
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return the new endpoint
	 */
	public ListenOptions listenLocalhost(int port, Consumer<ListenOptions> configure) {
		return add(ListenOptions.localhost(port, null, EndpointSource.CODE), configure);
	}

	/**
	 * Listens on a Unix domain socket.
	 * @param path the absolute socket path
	 * @return the new endpoint
	 */
	public ListenOptions listenUnixSocket(String path) {
		return listenUnixSocket(path, NO_DEFAULTS);
	}

	/**
	 * Listens on a Unix domain socket and configures the endpoint.
	 * @param path the absolute socket path
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return the new endpoint
	 */
	public ListenOptions listenUnixSocket(String path, Consumer<ListenOptions> configure) {
		return add(ListenOptions.unixSocket(path, EndpointSource.CODE), configure);
	}

	private ListenOptions add(ListenOptions options, Consumer<ListenOptions> configure) {
		requireNonNull(configure, "configure");
		applyEndpointDefaults(options);
		configure.accept(options);
		if (options.getName() == null) {
			options.name("code-" + this.unnamedCodeEndpoints++);
		}
		this.codeListenOptions.add(options);
		return options;
	}

	/**
	 * Sets what every endpoint created from now on starts from (code endpoints created
	 * later, configuration endpoints, address lists). Calling this again replaces the
	 * earlier action, as in Kestrel; endpoints created before the call keep what they
	 * had.
	 * @param configure the defaults
	 */
	public void configureEndpointDefaults(Consumer<ListenOptions> configure) {
		this.endpointDefaults = requireNonNull(configure, "configure");
	}

	/**
	 * Applies the endpoint defaults: configuration {@code EndpointDefaults}, then
	 * {@link #configureEndpointDefaults(Consumer)}.
	 * @param options the endpoint
	 */
	public void applyEndpointDefaults(ListenOptions options) {
		requireNonNull(options, "options");
		options.serverOptions(this);
		if (this.configurationLoader != null) {
			this.configurationLoader.applyConfigurationDefaults(options);
		}
		this.endpointDefaults.accept(options);
	}

	/**
	 * Sets what every HTTPS endpoint's TLS settings start from. Calling this again
	 * replaces the earlier action, as in Kestrel. Runs after configuration
	 * {@code EndpointDefaults} and before the endpoint's own settings.
	 * @param configure the defaults
	 */
	public void configureHttpsDefaults(Consumer<HttpsConnectionAdapterOptions> configure) {
		this.httpsDefaults = requireNonNull(configure, "configure");
	}

	/**
	 * Applies the HTTPS defaults: configuration {@code EndpointDefaults}
	 * ({@code SslProtocols}, {@code ClientCertificateMode}), then
	 * {@link #configureHttpsDefaults(Consumer)}.
	 * @param httpsOptions the TLS settings
	 */
	public void applyHttpsDefaults(HttpsConnectionAdapterOptions httpsOptions) {
		requireNonNull(httpsOptions, "httpsOptions");
		if (this.configurationLoader != null) {
			this.configurationLoader.applyConfigurationHttpsDefaults(httpsOptions);
		}
		this.httpsDefaults.accept(httpsOptions);
	}

	/**
	 * Installs the certificate provider (done by the starter's auto-configuration).
	 * @param certificateProvider the provider
	 */
	public void certificateProvider(CertificateProvider certificateProvider) {
		this.certificateProvider = requireNonNull(certificateProvider, "certificateProvider");
	}

	/**
	 * Returns the default certificate of HTTPS endpoints that have none:
	 * {@code Certificates.Default} from configuration, else a valid development
	 * certificate.
	 * @return the default certificate, or empty
	 */
	public Optional<ServerCertificate> defaultCertificate() {
		if (this.configurationLoader != null && this.configurationLoader.hasDefaultCertificate()) {
			return Optional.of(this.configurationLoader.loadDefaultCertificate());
		}
		return (this.certificateProvider != null) ? this.certificateProvider.developmentCertificate()
				: Optional.empty();
	}

	/**
	 * @return the certificate provider, or {@code null} when none is installed
	 */
	public CertificateProvider getCertificateProvider() {
		return this.certificateProvider;
	}

	/**
	 * Returns the loader of the application's {@code Kestrel} configuration section,
	 * creating an empty one if there is none.
	 * @return the configuration loader
	 */
	public KestrelConfigurationLoader configure() {
		if (this.configurationLoader == null) {
			this.configurationLoader = new KestrelConfigurationLoader(this, KestrelConfig.EMPTY);
		}
		return this.configurationLoader;
	}

	/**
	 * Replaces the configuration section the endpoints are loaded from. The earlier
	 * loader and its {@code endpoint(name, ...)} callbacks are dropped, as in Kestrel.
	 * @param configuration the section
	 * @return the new loader
	 */
	public KestrelConfigurationLoader configure(KestrelConfig configuration) {
		requireNonNull(configuration, "configuration");
		if (this.configurationLoader != null && this.configurationLoader.isLoaded()) {
			this.earlierConfigurationEndpoints.addAll(this.configurationLoader.load());
		}
		this.configurationLoader = new KestrelConfigurationLoader(this, configuration);
		return this.configurationLoader;
	}

	/**
	 * Loads endpoints from another configuration section with Kestrel's schema (Kestrel's
	 * {@code options.Configure(config.GetSection("MyKestrel"))}), validated as strictly
	 * as {@code Kestrel}. As in Kestrel, the new loader replaces the current one (its
	 * {@code endpoint(name, ...)} callbacks are dropped) — unless {@code load()} was
	 * called on the current one: then its endpoints stay and the new section's add to
	 * them.
	 * @param section the section's name, e.g. {@code MyKestrel}
	 * @return the new loader
	 */
	public KestrelConfigurationLoader configure(String section) {
		requireNonNull(section, "section");
		if (this.sectionReader == null) {
			throw new IllegalStateException("No configuration section reader is installed (the starter's "
					+ "auto-configuration installs one); use configure(KestrelConfig) instead.");
		}
		return configure(this.sectionReader.apply(section));
	}

	/**
	 * Installs what reads a configuration section by name (done by the starter's
	 * auto-configuration, from Spring's {@code Environment}).
	 * @param sectionReader reads a section by name
	 */
	public void configurationSectionReader(Function<String, KestrelConfig> sectionReader) {
		this.sectionReader = requireNonNull(sectionReader, "sectionReader");
	}

	/**
	 * Loads the configuration endpoints (once): those of earlier loaders that were loaded
	 * before being replaced, then the current loader's; the current loader's queued code
	 * endpoints ({@code localhostEndpoint}, ...) join the code endpoints.
	 * @return the configuration endpoints, in order
	 */
	public List<ListenOptions> loadConfigurationEndpoints() {
		List<ListenOptions> endpoints = new ArrayList<>(this.earlierConfigurationEndpoints);
		if (this.configurationLoader != null) {
			endpoints.addAll(this.configurationLoader.load());
		}
		return Collections.unmodifiableList(endpoints);
	}

	/**
	 * Sets addresses in code. They beat addresses from the environment ({@code urls},
	 * {@code ASPNETCORE_URLS}, {@code kestrel.urls}) and lose to endpoints.
	 * @param urls the addresses
	 */
	public void useUrls(String... urls) {
		requireNonNull(urls, "urls");
		this.urls = List.copyOf(Arrays.asList(urls));
	}

	/**
	 * @return the addresses set with {@link #useUrls(String...)}
	 */
	public List<String> getUrls() {
		return this.urls;
	}

	/**
	 * @return the endpoints declared in code, in order
	 */
	public List<ListenOptions> getCodeListenOptions() {
		return Collections.unmodifiableList(this.codeListenOptions);
	}

	/**
	 * @return the configuration loader, or {@code null} when no configuration was
	 * attached
	 */
	public KestrelConfigurationLoader getConfigurationLoader() {
		return this.configurationLoader;
	}

}
