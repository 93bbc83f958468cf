package dev.kestrel.options;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.kestrel.configuration.EndpointNames;
import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.EndpointDefaultsConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.configuration.SniConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.configuration.HostNames;
import dev.kestrel.certificates.ServerCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Turns the {@code Kestrel} configuration section into endpoints, mirroring Kestrel's
 * {@code KestrelConfigurationLoader}. For every {@code Endpoints} child, in order, the
 * layers apply as in Kestrel:
 * <ol>
 * <li>configuration {@code EndpointDefaults}</li>
 * <li>code {@code configureEndpointDefaults}</li>
 * <li>the endpoint's own keys</li>
 * <li>for {@code https://} endpoints, the TLS settings in the same order:
 * {@code EndpointDefaults} ({@code SslProtocols}, {@code ClientCertificateMode}), code
 * {@code configureHttpsDefaults}, the endpoint's keys, its {@code Certificate}, else the
 * default certificate ({@code Certificates.Default}, else the development
 * certificate)</li>
 * <li>the {@link #endpoint(String, Consumer)} callback registered for that name
 * (case-insensitive)</li>
 * </ol>
 * An {@code https://} endpoint's {@code Sni} section is loaded with it: keys are checked
 * (no empty key, no two keys naming the same host ignoring case or IDN form), each
 * entry's {@code Protocols}, {@code SslProtocols}, {@code ClientCertificateMode} and
 * {@code Certificate} are parsed and loaded, and the endpoint's TLS settings become the
 * entries' fallback ({@link SniOptions}). An entry without a certificate needs one from
 * the endpoint (its own, {@code Certificates.Default} or the development certificate);
 * the endpoint itself needs none when every entry has its own. As in Kestrel, the section
 * applies only when the loader enables HTTPS, not when the endpoint callback calls
 * {@code useHttps} itself. Certificates of SNI entries load at start-up, so that a broken
 * one fails start-up as in Kestrel — unless the section has more than
 * {@value #EAGER_SNI_CERTIFICATES} of them: then they load on first use and in the
 * background after start-up ({@link SniCertificate}), so that thousands of certificate
 * files do not delay the server, and a certificate that cannot be loaded is logged and
 * refuses its host's connections.
 * <p>
 * Endpoints load once, when the server starts. The unnamed
 * {@code endpoint(address, port)}, {@code localhostEndpoint}, {@code anyIPEndpoint} and
 * {@code unixSocketEndpoint} mirror the {@code listen*} family: they queue code endpoints
 * that are added, once, when the loader loads.
 */
public final class KestrelConfigurationLoader {

	private static final Consumer<ListenOptions> NO_OP = (options) -> {
	};

	/** The most SNI certificates of one endpoint that are loaded at start-up. */
	public static final int EAGER_SNI_CERTIFICATES = 100;

	private final KestrelServerOptions options;

	private final KestrelConfig configuration;

	private final Map<String, Consumer<EndpointConfiguration>> endpointCallbacks = new TreeMap<>(
			String.CASE_INSENSITIVE_ORDER);

	private List<ListenOptions> loaded;

	private ServerCertificate defaultCertificate;

	private final List<Runnable> endpointsToAdd = new ArrayList<>();

	private boolean endpointsAdded;

	KestrelConfigurationLoader(KestrelServerOptions options, KestrelConfig configuration) {
		this.options = options;
		this.configuration = configuration;
		CertificateNames.check(configuration);
		checkDistinctNames(configuration);
		LimitsLoader.apply(configuration.limits(), options.getLimits(), "kestrel.limits", null, false);
	}

	/**
	 * Supplements the configured endpoint of that name (case-insensitive) in code. Runs
	 * only if configuration has such an endpoint; a later call for the same name replaces
	 * the earlier one, as in Kestrel.
	 * @param name the endpoint name
	 * @param configure the callback
	 * @return this loader
	 */
	public KestrelConfigurationLoader endpoint(String name, Consumer<EndpointConfiguration> configure) {
		requireNonNull(name, "name");
		requireNonNull(configure, "configure");
		this.endpointCallbacks.put(name, configure);
		return this;
	}

	/**
	 * Adds a code endpoint on an IP address when the loader loads (Kestrel's
	 * {@code Endpoint(IPAddress, port)}), so that code and configuration endpoints can be
	 * set up in one place; it behaves as {@code options.listen(address, port)}.
	 * @param address the address
	 * @param port the port
	 * @return this loader
	 */
	public KestrelConfigurationLoader endpoint(InetAddress address, int port) {
		return endpoint(address, port, NO_OP);
	}

	/**
	 * Adds a code endpoint on an IP address when the loader loads, and configures it.
	 * @param address the address
	 * @param port the port
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return this loader
	 * @see KestrelServerOptions#listen(InetAddress, int, Consumer)
	 */
	public KestrelConfigurationLoader endpoint(InetAddress address, int port, Consumer<ListenOptions> configure) {
		requireNonNull(address, "address");
		requireNonNull(configure, "configure");
		return queue(() -> this.options.listen(address, port, configure));
	}

	/**
	 * Adds a code endpoint on a socket address when the loader loads, and configures it.
	 * @param address the address
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return this loader
	 */
	public KestrelConfigurationLoader endpoint(InetSocketAddress address, Consumer<ListenOptions> configure) {
		requireNonNull(address, "address");
		return endpoint(address.getAddress(), address.getPort(), configure);
	}

	/**
	 * Adds a code endpoint on both loopback addresses when the loader loads (Kestrel's
	 * {@code LocalhostEndpoint}).
	 * @param port the port (not 0)
	 * @return this loader
	 */
	public KestrelConfigurationLoader localhostEndpoint(int port) {
		return localhostEndpoint(port, NO_OP);
	}

	/**
	 * Adds a code endpoint on both loopback addresses when the loader loads, and
	 * configures it.
	 * @param port the port (not 0)
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return this loader
	 */
	public KestrelConfigurationLoader localhostEndpoint(int port, Consumer<ListenOptions> configure) {
		requireNonNull(configure, "configure");
		return queue(() -> this.options.listenLocalhost(port, configure));
	}

	/**
	 * Adds a code endpoint on every address when the loader loads (Kestrel's
	 * {@code AnyIPEndpoint}).
	 * @param port the port
	 * @return this loader
	 */
	public KestrelConfigurationLoader anyIPEndpoint(int port) {
		return anyIPEndpoint(port, NO_OP);
	}

	/**
	 * Adds a code endpoint on every address when the loader loads, and configures it.
	 * @param port the port
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return this loader
	 */
	public KestrelConfigurationLoader anyIPEndpoint(int port, Consumer<ListenOptions> configure) {
		requireNonNull(configure, "configure");
		return queue(() -> this.options.listenAnyIP(port, configure));
	}

	/**
	 * Adds a code endpoint on a Unix socket when the loader loads (Kestrel's
	 * {@code UnixSocketEndpoint}).
	 * @param path the absolute socket path
	 * @return this loader
	 */
	public KestrelConfigurationLoader unixSocketEndpoint(String path) {
		return unixSocketEndpoint(path, NO_OP);
	}

	/**
	 * Adds a code endpoint on a Unix socket when the loader loads, and configures it.
	 * @param path the absolute socket path
	 * @param configure configures the endpoint after the endpoint defaults
	 * @return this loader
	 */
	public KestrelConfigurationLoader unixSocketEndpoint(String path, Consumer<ListenOptions> configure) {
		requireNonNull(path, "path");
		requireNonNull(configure, "configure");
		return queue(() -> this.options.listenUnixSocket(path, configure));
	}

	private KestrelConfigurationLoader queue(Runnable endpoint) {
		this.endpointsToAdd.add(endpoint);
		return this;
	}

	/**
	 * @return whether {@link #load()} has run
	 */
	boolean isLoaded() {
		return this.loaded != null;
	}

	/**
	 * @return the configuration section this loader reads
	 */
	public KestrelConfig getConfiguration() {
		return this.configuration;
	}

	/**
	 * Loads the configured endpoints (once; later calls return the same list).
	 * @return the endpoints, in configuration order
	 * @throws KestrelConfigurationException naming the endpoint and key at fault
	 */
	public List<ListenOptions> load() {
		if (this.loaded == null) {
			List<ListenOptions> endpoints = new ArrayList<>();
			for (EndpointConfig endpoint : this.configuration.endpoints()) {
				endpoints.add(load(endpoint));
			}
			this.loaded = Collections.unmodifiableList(endpoints);
		}
		if (!this.endpointsAdded) {
			this.endpointsAdded = true;
			this.endpointsToAdd.forEach(Runnable::run);
		}
		return this.loaded;
	}

	private ListenOptions load(EndpointConfig endpoint) {
		if (endpoint.url() == null || endpoint.url().isBlank()) {
			throw new KestrelConfigurationException(endpoint.name(), endpoint.key("url"),
					ConfigurationMessages.endpointMissingUrl(endpoint.name()), null);
		}
		ListenOptions listenOptions;
		try {
			listenOptions = ListenOptions.fromAddress(BindingAddress.parse(endpoint.url().trim()),
					EndpointSource.CONFIGURATION);
		}
		catch (KestrelConfigurationException ex) {
			throw ex.withContext(endpoint.name(), endpoint.key("url"));
		}
		listenOptions.name(endpoint.name());
		this.options.applyEndpointDefaults(listenOptions);
		LimitsLoader.apply(endpoint.limits(), listenOptions.getLimits(), endpoint.key("limits"), endpoint.name(),
				false);
		if (endpoint.protocols() != null) {
			listenOptions.protocols(parseProtocols(endpoint.protocols(), endpoint.name(), endpoint.key("protocols")));
		}
		if (endpoint.disableAltSvcHeader() != null) {
			listenOptions.disableAltSvcHeader(endpoint.disableAltSvcHeader());
		}
		ConnectionSettings.apply(endpoint.connection(), listenOptions, endpoint.name(),
				"kestrel.endpoints." + endpoint.name());
		EndpointHostingSettings.apply(endpoint, listenOptions);
		boolean https = listenOptions.isHttps();
		HttpsConnectionAdapterOptions httpsOptions = new HttpsConnectionAdapterOptions();
		Map<String, SniOptions> sni = Map.of();
		if (https) {
			applyHttpsConfiguration(endpoint, listenOptions, httpsOptions);
			sni = loadSni(endpoint, listenOptions);
		}
		else {
			checkNoHttpsOnlyConfiguration(endpoint);
		}
		Consumer<EndpointConfiguration> callback = this.endpointCallbacks.get(endpoint.name());
		EndpointSection section = new EndpointSection(endpoint.name(), endpoint.customKeys());
		if (callback != null) {
			callback.accept(new EndpointConfiguration(https, listenOptions, httpsOptions, endpoint, section));
		}
		List<String> unread = section.unreadKeys();
		if (!unread.isEmpty()) {
			List<String> keys = unread.stream().map(endpoint::key).toList();
			throw new KestrelConfigurationException(endpoint.name(), String.join(", ", keys),
					ConfigurationMessages.unknownKeys(keys), null);
		}
		if (listenOptions.isHttps() && listenOptions.getHttpsOptions() == null) {
			if (sni.isEmpty()) {
				if (!httpsOptions.hasServerCertificateOrSelector()) {
					throw new KestrelConfigurationException(endpoint.name(), endpoint.key("certificate"),
							CertificateMessages.noCertificateSpecified(), null);
				}
			}
			else {
				checkSniCertificates(endpoint, sni, httpsOptions);
				listenOptions.sni(sni);
			}
			listenOptions.httpsOptions(httpsOptions);
		}
		return listenOptions;
	}

	private Map<String, SniOptions> loadSni(EndpointConfig endpoint, ListenOptions listenOptions) {
		if (endpoint.sni().isEmpty()) {
			return Map.of();
		}
		for (String host : endpoint.sni().keySet()) {
			if (host.isEmpty()) {
				throw new KestrelConfigurationException(endpoint.name(), endpoint.key("sni"),
						SniMessages.sniNameCannotBeEmpty(endpoint.name()), null);
			}
		}
		List<List<String>> duplicates = HostNames.duplicates(endpoint.sni().keySet());
		if (!duplicates.isEmpty()) {
			throw new KestrelConfigurationException(endpoint.name(), sniKey(endpoint, duplicates.get(0).get(1), null),
					SniMessages.duplicateSniNames(endpoint.name(), duplicates.get(0)), null);
		}
		long certificates = endpoint.sni().values().stream().filter((entry) -> !entry.certificate().isEmpty()).count();
		boolean defer = certificates > EAGER_SNI_CERTIFICATES;
		Map<String, SniOptions> sni = new LinkedHashMap<>();
		endpoint.sni()
			.forEach((host, entry) -> sni.put(host, loadSniEntry(endpoint, listenOptions, host, entry, defer)));
		return sni;
	}

	private SniOptions loadSniEntry(EndpointConfig endpoint, ListenOptions listenOptions, String host, SniConfig entry,
			boolean defer) {
		String name = endpoint.name();
		HttpProtocols protocols = (entry.protocols() != null)
				? parseProtocols(entry.protocols(), name, sniKey(endpoint, host, "protocols")) : null;
		Set<SslProtocols> sslProtocols = (entry.sslProtocols() != null)
				? parseSslProtocols(entry.sslProtocols(), name, sniKey(endpoint, host, "ssl-protocols")) : null;
		ClientCertificateMode mode = (entry.clientCertificateMode() != null) ? parseClientCertificateMode(
				entry.clientCertificateMode(), name, sniKey(endpoint, host, "client-certificate-mode")) : null;
		SniCertificate certificate = null;
		if (!entry.certificate().isEmpty()) {
			String key = sniKey(endpoint, host, "certificate");
			CertificateProvider provider = certificateProvider(name, key);
			CertificateConfig section = entry.certificate();
			if (defer && (section.isFileCert() || section.isStoreCert() || section.isBundleCert())) {
				certificate = SniCertificate.deferred(key,
						() -> provider.load(name, key, section)
							.orElseThrow(() -> new KestrelConfigurationException(name, key,
									CertificateMessages.noCertificateSpecified(), null)));
			}
			else {
				certificate = provider.load(name, key, section).map(SniCertificate::of).orElse(null);
			}
		}
		KestrelServerLimits limits = null;
		if (!entry.limits().isEmpty()) {
			limits = new KestrelServerLimits(listenOptions::getLimits);
			LimitsLoader.apply(entry.limits(), limits, sniKey(endpoint, host, "limits"), name, true);
		}
		return new SniOptions(certificate, protocols, sslProtocols, mode, limits, entry.ocspStapling());
	}

	private static void checkSniCertificates(EndpointConfig endpoint, Map<String, SniOptions> sni,
			HttpsConnectionAdapterOptions fallback) {
		if (fallback.hasServerCertificateOrSelector()) {
			return;
		}
		sni.forEach((host, entry) -> {
			if (entry.certificate() == null) {
				throw new KestrelConfigurationException(endpoint.name(), sniKey(endpoint, host, "certificate"),
						CertificateMessages.noCertificateSpecified(), null);
			}
		});
	}

	private static String sniKey(EndpointConfig endpoint, String host, String key) {
		return endpoint.key("sni." + host + ((key != null) ? "." + key : ""));
	}

	private void applyHttpsConfiguration(EndpointConfig endpoint, ListenOptions listenOptions,
			HttpsConnectionAdapterOptions httpsOptions) {
		this.options.applyHttpsDefaults(httpsOptions);
		if (endpoint.sslProtocols() != null) {
			httpsOptions.sslProtocols(
					parseSslProtocols(endpoint.sslProtocols(), endpoint.name(), endpoint.key("ssl-protocols")));
		}
		if (endpoint.clientCertificateMode() != null) {
			httpsOptions.clientCertificateMode(parseClientCertificateMode(endpoint.clientCertificateMode(),
					endpoint.name(), endpoint.key("client-certificate-mode")));
		}
		if (!endpoint.certificate().isEmpty()) {
			certificateProvider(endpoint.name(), endpoint.key("certificate"))
				.load(endpoint.name(), endpoint.key("certificate"), endpoint.certificate())
				.ifPresent(httpsOptions::serverCertificate);
		}
		listenOptions.applyDefaultCertificate(httpsOptions);
		applyTlsExtensions(endpoint, httpsOptions);
	}

	private static void applyTlsExtensions(EndpointConfig endpoint, HttpsConnectionAdapterOptions httpsOptions) {
		if (endpoint.tls().tlsEngine() != null) {
			try {
				httpsOptions.tlsEngine(TlsEngine.parse(endpoint.tls().tlsEngine()));
			}
			catch (KestrelConfigurationException ex) {
				throw ex.withContext(endpoint.name(), endpoint.key("tls-engine"));
			}
		}
		if (endpoint.tls().sessionTickets() != null) {
			httpsOptions.sessionTickets(endpoint.tls().sessionTickets());
		}
		if (endpoint.tls().ocspStapling() != null) {
			httpsOptions.ocspStapling(endpoint.tls().ocspStapling());
		}
	}

	private static void checkNoHttpsOnlyConfiguration(EndpointConfig endpoint) {
		String key = null;
		if (!endpoint.certificate().isEmpty()) {
			key = "Certificate";
		}
		else if (endpoint.clientCertificateMode() != null) {
			key = "ClientCertificateMode";
		}
		else if (endpoint.sslProtocols() != null) {
			key = "SslProtocols";
		}
		else if (!endpoint.sni().isEmpty()) {
			key = "Sni";
		}
		else if (endpoint.tls().firstKeySet() != null) {
			key = endpoint.tls().firstKeySet();
		}
		if (key != null) {
			throw new KestrelConfigurationException(endpoint.name(), endpoint.key(kebab(key)),
					CertificateMessages.endpointHasUnusedHttpsConfig(endpoint.name(), key), null);
		}
	}

	private static String kebab(String key) {
		return key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private CertificateProvider certificateProvider(String endpointName, String key) {
		CertificateProvider provider = this.options.getCertificateProvider();
		if (provider == null) {
			throw new KestrelConfigurationException(endpointName, key, CertificateMessages.noCertificateSpecified(),
					null);
		}
		return provider;
	}

	boolean hasDefaultCertificate() {
		return this.configuration.certificates().containsKey(CertificateNames.DEFAULT_CERTIFICATE);
	}

	ServerCertificate loadDefaultCertificate() {
		if (this.defaultCertificate == null) {
			String key = "kestrel.certificates.default";
			this.defaultCertificate = certificateProvider("Default", key)
				.load("Default", key, this.configuration.certificates().get(CertificateNames.DEFAULT_CERTIFICATE))
				.orElseThrow(() -> new KestrelConfigurationException("Default", key,
						CertificateMessages.noCertificateSpecified(), null));
		}
		return this.defaultCertificate;
	}

	void applyConfigurationHttpsDefaults(HttpsConnectionAdapterOptions httpsOptions) {
		EndpointDefaultsConfig defaults = this.configuration.endpointDefaults();
		if (defaults.sslProtocols() != null) {
			httpsOptions.sslProtocols(
					parseSslProtocols(defaults.sslProtocols(), null, "kestrel.endpoint-defaults.ssl-protocols"));
		}
		if (defaults.clientCertificateMode() != null) {
			httpsOptions.clientCertificateMode(parseClientCertificateMode(defaults.clientCertificateMode(), null,
					"kestrel.endpoint-defaults.client-certificate-mode"));
		}
	}

	private static Set<SslProtocols> parseSslProtocols(List<String> values, String endpointName, String key) {
		try {
			return SslProtocols.parse(values);
		}
		catch (KestrelConfigurationException ex) {
			throw ex.withContext(endpointName, key);
		}
	}

	private static ClientCertificateMode parseClientCertificateMode(String value, String endpointName, String key) {
		try {
			return ClientCertificateMode.parse(value);
		}
		catch (KestrelConfigurationException ex) {
			throw ex.withContext(endpointName, key);
		}
	}

	void applyConfigurationDefaults(ListenOptions listenOptions) {
		LimitsLoader.apply(this.configuration.endpointDefaults().limits(), listenOptions.getLimits(),
				"kestrel.endpoint-defaults.limits", null, false);
		String protocols = this.configuration.endpointDefaults().protocols();
		if (protocols != null) {
			listenOptions.protocols(parseProtocols(protocols, null, "kestrel.endpoint-defaults.protocols"));
		}
		ConnectionSettings.apply(this.configuration.endpointDefaults().connection(), listenOptions,
				listenOptions.getName(), "kestrel.endpoint-defaults");
	}

	private static HttpProtocols parseProtocols(String value, String endpointName, String key) {
		try {
			return HttpProtocols.parse(value);
		}
		catch (KestrelConfigurationException ex) {
			throw ex.withContext(endpointName, key);
		}
	}

	private static void checkDistinctNames(KestrelConfig configuration) {
		EndpointNames.checkDistinct(configuration.endpoints().stream().map(EndpointConfig::name).toList(),
				(group) -> "kestrel.endpoints." + group.get(0));
	}

}
