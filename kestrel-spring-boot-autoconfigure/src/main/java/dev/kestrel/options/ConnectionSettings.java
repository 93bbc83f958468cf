package dev.kestrel.options;

import dev.kestrel.configuration.ConnectionConfig;
import dev.kestrel.connections.ProxyProtocol;
import dev.kestrel.diagnostics.ConnectionMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;

/**
 * Applies the connection keys of a configuration section ({@code ConnectionLogging},
 * {@code ProxyProtocol}, {@code TrustedProxies}) to an endpoint; a value that does not
 * parse fails naming its key.
 */
final class ConnectionSettings {

	private ConnectionSettings() {
	}

	/**
	 * @param config the section's values
	 * @param options the endpoint
	 * @param endpointName the endpoint's name, or {@code null} for
	 * {@code EndpointDefaults}
	 * @param section the section's key, e.g. {@code kestrel.endpoints.Public}
	 */
	static void apply(ConnectionConfig config, ListenOptions options, String endpointName, String section) {
		if (config.connectionLogging() != null) {
			options.connectionLogging(config.connectionLogging());
		}
		if (config.proxyProtocol() != null) {
			String key = section + ".proxy-protocol";
			try {
				options.proxyProtocol(ProxyProtocol.parse(config.proxyProtocol()));
			}
			catch (IllegalArgumentException ex) {
				throw new KestrelConfigurationException(endpointName, key,
						ConnectionMessages.invalidProxyProtocol(key, config.proxyProtocol()), null);
			}
		}
		if (config.trustedProxies() != null) {
			String key = section + ".trusted-proxies";
			try {
				options.trustedProxies(config.trustedProxies());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw new KestrelConfigurationException(endpointName, key,
						ConnectionMessages.invalidTrustedProxy(key, String.valueOf(ex.getMessage())), null);
			}
		}
	}

}
