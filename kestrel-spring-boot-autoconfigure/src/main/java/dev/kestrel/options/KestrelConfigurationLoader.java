package dev.kestrel.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.kestrel.config.EndpointConfig;
import dev.kestrel.config.KestrelConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.KestrelMessages;

import static java.util.Objects.requireNonNull;

/**
 * Turns the {@code Kestrel} configuration section into endpoints, mirroring Kestrel's
 * {@code KestrelConfigurationLoader}. For every {@code Endpoints} child, in order, the layers apply as in Kestrel:
 * <ol>
 * <li>configuration {@code EndpointDefaults}</li>
 * <li>code {@code configureEndpointDefaults}</li>
 * <li>the endpoint's own keys</li>
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
		Consumer<EndpointConfiguration> callback = this.endpointCallbacks.get(endpoint.name());
		if (callback != null) {
			callback.accept(new EndpointConfiguration(listenOptions.isHttps(), listenOptions, endpoint));
		}
		return listenOptions;
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
