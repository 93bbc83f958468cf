package dev.kestrel.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.kestrel.config.EndpointConfig;
import dev.kestrel.config.EndpointDefaultsConfig;
import dev.kestrel.config.KestrelConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.KestrelMessages;
import dev.kestrel.tls.ServerCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Turns the {@code Kestrel} configuration section into endpoints, mirroring Kestrel's
 * {@code KestrelConfigurationLoader}. For every {@code Endpoints} child, in order, the layers apply as in Kestrel:
 * <ol>
 * <li>configuration {@code EndpointDefaults}</li>
 * <li>code {@code configureEndpointDefaults}</li>
 * <li>the endpoint's own keys</li>
 * <li>for {@code https://} endpoints, the TLS settings in the same order: {@code EndpointDefaults}
 * ({@code SslProtocols}, {@code ClientCertificateMode}), code {@code configureHttpsDefaults}, the endpoint's keys, its
 * {@code Certificate}, else the default certificate ({@code Certificates.Default}, else the development
 * certificate)</li>
 * <li>the {@link #endpoint(String, Consumer)} callback registered for that name (case-insensitive)</li>
 * </ol>
 * Endpoints load once, when the server starts.
 */
public final class KestrelConfigurationLoader {

	private final KestrelServerOptions options;

	private final KestrelConfig configuration;

	private final Map<String, Consumer<EndpointConfiguration>> endpointCallbacks = new TreeMap<>(
			String.CASE_INSENSITIVE_ORDER);

	private List<ListenOptions> loaded;

	private ServerCertificate defaultCertificate;

	KestrelConfigurationLoader(KestrelServerOptions options, KestrelConfig configuration) {
		this.options = options;
		this.configuration = configuration;
		UnsupportedSettings.check(configuration);
		checkDistinctNames(configuration);
	}

	/**
	 * Supplements the configured endpoint of that name (case-insensitive) in code. Runs only if configuration has
	 * such an endpoint; a later call for the same name replaces the earlier one, as in Kestrel.
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

	/** @return the configuration section this loader reads */
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
		return this.loaded;
	}

	private ListenOptions load(EndpointConfig endpoint) {
		if (endpoint.url() == null || endpoint.url().isBlank()) {
			throw new KestrelConfigurationException(endpoint.name(), endpoint.key("url"),
					KestrelMessages.endpointMissingUrl(endpoint.name()), null);
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
		if (endpoint.protocols() != null) {
			listenOptions.protocols(parseProtocols(endpoint.protocols(), endpoint.name(), endpoint.key("protocols")));
		}
		boolean https = listenOptions.isHttps();
		HttpsConnectionAdapterOptions httpsOptions = new HttpsConnectionAdapterOptions();
		if (https) {
			UnsupportedSettings.checkHttpsEndpoint(endpoint);
			applyHttpsConfiguration(endpoint, listenOptions, httpsOptions);
		}
		else {
			checkNoHttpsOnlyConfiguration(endpoint);
		}
		Consumer<EndpointConfiguration> callback = this.endpointCallbacks.get(endpoint.name());
		if (callback != null) {
			callback.accept(new EndpointConfiguration(https, listenOptions, httpsOptions, endpoint));
		}
		if (listenOptions.isHttps() && listenOptions.getHttpsOptions() == null) {
			if (!httpsOptions.hasServerCertificate()) {
				throw new KestrelConfigurationException(endpoint.name(), endpoint.key("certificate"),
						KestrelMessages.noCertificateSpecified(), null);
			}
			listenOptions.useHttps(httpsOptions);
		}
		return listenOptions;
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
		if (key != null) {
			throw new KestrelConfigurationException(endpoint.name(), endpoint.key(kebab(key)),
					KestrelMessages.endpointHasUnusedHttpsConfig(endpoint.name(), key), null);
		}
	}

	private static String kebab(String key) {
		return key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private CertificateProvider certificateProvider(String endpointName, String key) {
		CertificateProvider provider = this.options.getCertificateProvider();
		if (provider == null) {
			throw new KestrelConfigurationException(endpointName, key, KestrelMessages.noCertificateSpecified(), null);
		}
		return provider;
	}

	boolean hasDefaultCertificate() {
		return this.configuration.certificates().containsKey(UnsupportedSettings.DEFAULT_CERTIFICATE);
	}

	ServerCertificate loadDefaultCertificate() {
		if (this.defaultCertificate == null) {
			String key = "kestrel.certificates.default";
			this.defaultCertificate = certificateProvider("Default", key)
				.load("Default", key, this.configuration.certificates().get(UnsupportedSettings.DEFAULT_CERTIFICATE))
				.orElseThrow(() -> new KestrelConfigurationException("Default", key,
						KestrelMessages.noCertificateSpecified(), null));
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
		String protocols = this.configuration.endpointDefaults().protocols();
		if (protocols != null) {
			listenOptions.protocols(parseProtocols(protocols, null, "kestrel.endpoint-defaults.protocols"));
		}
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
		Map<String, List<String>> byName = new LinkedHashMap<>();
		for (EndpointConfig endpoint : configuration.endpoints()) {
			byName.computeIfAbsent(endpoint.name().toLowerCase(Locale.ROOT), (key) -> new ArrayList<>())
				.add(endpoint.name());
		}
		for (List<String> names : byName.values()) {
			if (names.size() > 1) {
				throw new KestrelConfigurationException(names.get(0), "kestrel.endpoints." + names.get(0),
						KestrelMessages.duplicateEndpointNames(names), null);
			}
		}
	}

}
