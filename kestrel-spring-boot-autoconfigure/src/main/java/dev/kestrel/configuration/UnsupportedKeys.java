package dev.kestrel.configuration;

import java.util.List;
import java.util.Locale;

/**
 * The one list of configuration keys that are part of Kestrel's schema but not
 * implemented by this version of the starter. Each fails startup instead of being
 * silently ignored (the configuration reader checks every property source against it, the
 * loader every section it is given); a key leaves this list when its feature lands.
 */
public final class UnsupportedKeys {

	/**
	 * The unsupported sections, in canonical form: each key below one of them is
	 * unsupported too.
	 */
	public static final List<String> KEYS = List.of("kestrel.certificates.development");

	private UnsupportedKeys() {
	}

	/**
	 * @param key a configuration key in any relaxed spelling
	 * ({@code Kestrel.Certificates.Development.Password},
	 * {@code kestrel.certificates.development.path})
	 * @return whether it is, or is below, an unsupported key
	 */
	public static boolean isUnsupported(String key) {
		String uniform = uniform(key);
		for (String unsupported : KEYS) {
			String prefix = uniform(unsupported);
			if (uniform.equals(prefix) || uniform.startsWith(prefix + ".")) {
				return true;
			}
		}
		return false;
	}

	private static String uniform(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

}
