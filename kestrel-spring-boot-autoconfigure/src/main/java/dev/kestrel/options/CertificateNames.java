package dev.kestrel.options;

import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.configuration.UnsupportedKeys;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;

/**
 * The names the {@code Certificates} section knows: only {@code Default}; Kestrel's
 * {@code Development} is in the list of {@link UnsupportedKeys}.
 */
final class CertificateNames {

	static final String DEFAULT_CERTIFICATE = "Default";

	private CertificateNames() {
	}

	static void check(KestrelConfig configuration) {
		for (String name : configuration.certificates().keySet()) {
			if (UnsupportedKeys.isUnsupported("kestrel.certificates." + name)) {
				throw new KestrelConfigurationException(null, "kestrel.certificates." + name,
						ConfigurationMessages.notSupportedYet("kestrel.certificates." + name), null);
			}
			if (!name.equalsIgnoreCase(DEFAULT_CERTIFICATE)) {
				throw new KestrelConfigurationException(null, "kestrel.certificates." + name,
						ConfigurationMessages.unknownKey("kestrel.certificates." + name), null);
			}
		}
	}

}
