package dev.kestrel.internal.sni;

import dev.kestrel.configuration.HostNames;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Kestrel's SNI key matching, at any scale. Keys are:
 * <ul>
 * <li>an exact host name, case-insensitive ({@code a.example.org});</li>
 * <li>{@code *.suffix}: any name ending in {@code .suffix}, at any depth
 * ({@code *.example.org} matches {@code a.example.org} and {@code a.b.example.org}, not
 * {@code example.org}); the longest matching suffix wins;</li>
 * <li>{@code *}: every name, and clients that send no SNI.</li>
 * </ul>
 * Other patterns ({@code a*.example.org}) are exact names, as in Kestrel.
 * Internationalized names match in either form (see {@link HostNames}).
 * <p>
 * Exact names are one hash lookup; wildcards are found by walking the name's labels from
 * the left, one hash lookup per label, so the longest suffix is tried first. The cost of
 * a lookup does not depend on the number of keys. Instances are immutable and
 * thread-safe.
 *
 * @param <T> the value type
 */
public final class SniHostMap<T> {

	private final Map<String, T> exact;

	private final Map<String, T> wildcards;

	private final T any;

	private SniHostMap(Map<String, T> exact, Map<String, T> wildcards, T any) {
		this.exact = exact;
		this.wildcards = wildcards;
		this.any = any;
	}

	/**
	 * Builds a map from keys as written in configuration.
	 * @param <T> the value type
	 * @param entries the keys and their values
	 * @return the map
	 * @throws IllegalArgumentException for an empty key or two keys that name the same
	 * host (see {@link HostNames#duplicates})
	 */
	public static <T> SniHostMap<T> of(Map<String, T> entries) {
		requireNonNull(entries, "entries");
		Map<String, T> exact = new HashMap<>();
		Map<String, T> wildcards = new HashMap<>();
		T any = null;
		for (Map.Entry<String, T> entry : entries.entrySet()) {
			String key = requireNonNull(entry.getKey(), "key");
			T value = requireNonNull(entry.getValue(), "value");
			if (key.isEmpty()) {
				throw new IllegalArgumentException("key: \"\" (expected: a host name, *.suffix or *)");
			}
			T previous;
			if (key.equals(HostNames.WILDCARD)) {
				previous = any;
				any = value;
			}
			else if (key.startsWith(HostNames.WILDCARD_PREFIX)) {
				previous = wildcards.put(HostNames.normalize(key.substring(HostNames.WILDCARD_PREFIX.length())), value);
			}
			else {
				previous = exact.put(HostNames.normalize(key), value);
			}
			if (previous != null) {
				throw new IllegalArgumentException("key: " + key + " (expected: no other key naming the same host)");
			}
		}
		return new SniHostMap<>(exact, wildcards, any);
	}

	/**
	 * Finds the value for a host name: the exact name, else the longest matching
	 * {@code *.suffix}, else {@code *}.
	 * @param serverName the name the client sent, or {@code null} (or empty) when it sent
	 * none
	 * @return the value, or {@code null} when nothing matches
	 */
	public T match(String serverName) {
		if (serverName == null || serverName.isEmpty()) {
			return this.any;
		}
		String name = HostNames.normalize(serverName);
		T value = this.exact.get(name);
		if (value != null) {
			return value;
		}
		if (!this.wildcards.isEmpty()) {
			for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
				value = this.wildcards.get(name.substring(dot + 1));
				if (value != null) {
					return value;
				}
			}
		}
		return this.any;
	}

	/**
	 * @return whether a {@code *} key is present
	 */
	public boolean hasWildcard() {
		return this.any != null;
	}

	/**
	 * @return the number of keys
	 */
	public int size() {
		return this.exact.size() + this.wildcards.size() + ((this.any != null) ? 1 : 0);
	}

}
