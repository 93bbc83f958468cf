package dev.kestrel.options;

import dev.kestrel.configuration.EndpointConfig;

import static java.util.Objects.requireNonNull;

/**
 * What {@code KestrelConfigurationLoader.endpoint(name, ...)} callbacks receive: the
 * endpoint as loaded from configuration, to supplement in code.
 *
 * @param isHttps whether the endpoint's URL is {@code https://}
 * @param listenOptions the endpoint, with defaults and configuration applied
 * @param httpsOptions the endpoint's TLS settings, already populated from defaults and
 * configuration (unused for an {@code http://} endpoint)
 * @param configuration the endpoint's configuration section (the schema's keys)
 * @param section the application's own keys in the endpoint's section (Kestrel's
 * {@code ConfigSection}); startup fails for those the callback does not read
 */
public record EndpointConfiguration(boolean isHttps, ListenOptions listenOptions,
		HttpsConnectionAdapterOptions httpsOptions, EndpointConfig configuration, EndpointSection section) {

	public EndpointConfiguration {
		requireNonNull(listenOptions, "listenOptions");
		requireNonNull(httpsOptions, "httpsOptions");
		requireNonNull(configuration, "configuration");
		requireNonNull(section, "section");
	}

	/**
	 * Creates the callback's view of an endpoint, its custom keys taken from the
	 * configuration.
	 * @param isHttps whether the endpoint's URL is {@code https://}
	 * @param listenOptions the endpoint
	 * @param httpsOptions the endpoint's TLS settings
	 * @param configuration the endpoint's configuration section
	 */
	public EndpointConfiguration(boolean isHttps, ListenOptions listenOptions,
			HttpsConnectionAdapterOptions httpsOptions, EndpointConfig configuration) {
		this(isHttps, listenOptions, httpsOptions, configuration,
				new EndpointSection(requireNonNull(configuration, "configuration").name(), configuration.customKeys()));
	}

}
