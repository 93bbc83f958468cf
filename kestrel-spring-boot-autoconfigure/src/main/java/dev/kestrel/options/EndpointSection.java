package dev.kestrel.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The application's own keys in a configuration endpoint's section (Kestrel's
 * {@code EndpointConfiguration.ConfigSection}): keys under
 * {@code Kestrel.Endpoints.<Name>} that are not part of Kestrel's schema, for an
 * {@code endpoint(name, ...)} callback to read. Keys match as Spring's relaxed binding
 * does ({@code MyKey}, {@code my-key} and {@code mykey} are one key; nested keys with
 * dots: {@code Custom.Region}).
 * <p>
 * Startup fails for every custom key that no callback reads, so a misspelt key never goes
 * unnoticed; a key that is close to a schema key ({@code Protocol}) always fails.
 */
public final class EndpointSection {

	private final String endpointName;

	private final Map<String, String> values = new LinkedHashMap<>();

	private final Map<String, String> spelling = new LinkedHashMap<>();

	private final Set<String> read = new TreeSet<>();

	EndpointSection(String endpointName, Map<String, String> customKeys) {
		this.endpointName = endpointName;
		customKeys.forEach((key, value) -> {
			this.values.put(uniform(key), value);
			this.spelling.put(uniform(key), key);
		});
	}

	/**
	 * @param key a key relative to the endpoint, e.g. {@code MyCustomKey}
	 * @return its value, or empty when the section has no such key
	 */
	public Optional<String> get(String key) {
		requireNonNull(key, "key");
		String uniform = uniform(key);
		this.read.add(uniform);
		return Optional.ofNullable(this.values.get(uniform));
	}

	/**
	 * Returns every custom key and its value (and counts them all as read).
	 * @return the keys as written, with their values
	 */
	public Map<String, String> asMap() {
		Map<String, String> all = new LinkedHashMap<>();
		this.values.forEach((uniform, value) -> {
			this.read.add(uniform);
			all.put(this.spelling.get(uniform), value);
		});
		return Collections.unmodifiableMap(all);
	}

	/**
	 * @return the endpoint's name
	 */
	public String getEndpointName() {
		return this.endpointName;
	}

	/**
	 * @return the custom keys (as written) that nothing read
	 */
	List<String> unreadKeys() {
		return this.values.keySet().stream().filter((key) -> !this.read.contains(key)).map(this.spelling::get).toList();
	}

	private static String uniform(String key) {
		StringBuilder builder = new StringBuilder();
		for (char c : key.toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == '.') {
				builder.append(Character.toLowerCase(c));
			}
		}
		return builder.toString();
	}

}
