package dev.kestrel.options;

import dev.kestrel.config.EndpointConfig;
import dev.kestrel.config.KestrelConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.KestrelMessages;

/**
 * The configuration keys that are part of Kestrel's schema but not implemented by this version of the starter. Each
 * one fails startup instead of being silently ignored; a key leaves this list when its feature lands.
 */
final class UnsupportedSettings {

	private UnsupportedSettings() {
	}

	static void check(KestrelConfig configuration) {
		if (configuration.endpointDefaults().sslProtocols() != null) {
			throw fail(null, "kestrel.endpoint-defaults.ssl-protocols");
		}
		if (configuration.endpointDefaults().clientCertificateMode() != null) {
			throw fail(null, "kestrel.endpoint-defaults.client-certificate-mode");
		}
		for (String name : configuration.certificates().keySet()) {
			throw fail(null, "kestrel.certificates." + name);
		}
		for (EndpointConfig endpoint : configuration.endpoints()) {
			if (endpoint.sslProtocols() != null) {
				throw fail(endpoint.name(), endpoint.key("ssl-protocols"));
			}
			if (endpoint.clientCertificateMode() != null) {
				throw fail(endpoint.name(), endpoint.key("client-certificate-mode"));
			}
			if (!endpoint.certificate().isEmpty()) {
				throw fail(endpoint.name(), endpoint.key("certificate"));
			}
			if (!endpoint.sni().isEmpty()) {
				throw fail(endpoint.name(), endpoint.key("sni"));
			}
		}
	}

	private static KestrelConfigurationException fail(String endpointName, String key) {
		return new KestrelConfigurationException(endpointName, key, KestrelMessages.notSupportedYet(key), null);
	}

}
