package dev.kestrel.options;

import dev.kestrel.config.KestrelConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.KestrelMessages;

/**
 * The configuration keys that are part of Kestrel's schema but not implemented by this version of the starter. Each
 * one fails startup instead of being silently ignored; a key leaves this list when its feature lands.
 */
final class UnsupportedSettings {

	static final String DEFAULT_CERTIFICATE = "Default";

	private UnsupportedSettings() {
	}

	static void check(KestrelConfig configuration) {
		for (String name : configuration.certificates().keySet()) {
			if (name.equalsIgnoreCase("Development")) {
				throw fail(null, "kestrel.certificates." + name);
			}
			if (!name.equalsIgnoreCase(DEFAULT_CERTIFICATE)) {
				throw new KestrelConfigurationException(null, "kestrel.certificates." + name,
						KestrelMessages.unknownKey("kestrel.certificates." + name), null);
			}
		}
	}

	private static KestrelConfigurationException fail(String endpointName, String key) {
		return new KestrelConfigurationException(endpointName, key, KestrelMessages.notSupportedYet(key), null);
	}

}
