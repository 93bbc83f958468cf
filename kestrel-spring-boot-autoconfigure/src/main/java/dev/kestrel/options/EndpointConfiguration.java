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
 * @param configuration the endpoint's configuration section
 */
public record EndpointConfiguration(boolean isHttps, ListenOptions listenOptions,
		HttpsConnectionAdapterOptions httpsOptions, EndpointConfig configuration) {

	public EndpointConfiguration {
		requireNonNull(listenOptions, "listenOptions");
		requireNonNull(httpsOptions, "httpsOptions");
		requireNonNull(configuration, "configuration");
	}

}
