package dev.kestrel.configuration;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Host names as SNI compares them: case-insensitive, and with internationalized names in
 * their ASCII (A-label, punycode) form, so that {@code münchen.example} and
 * {@code xn--mnchen-3ya.example} are the same name. Clients send the A-label form on the
 * wire (RFC 6066); configuration may use either.
 */
public final class HostNames {

	/** The key that matches every host name, and clients that send none. */
	public static final String WILDCARD = "*";

	/**
	 * The prefix of a wildcard key: {@code *.example.org} matches names ending in
	 * {@code .example.org}.
	 */
	public static final String WILDCARD_PREFIX = "*.";

	private HostNames() {
	}

	/**
	 * Normalizes a host name: lower case, internationalized labels converted to their
	 * A-label form. A name that is not a valid internationalized name is only
	 * lower-cased.
	 * @param name the host name
	 * @return the normalized name
	 */
	public static String normalize(String name) {
		requireNonNull(name, "name");
		boolean ascii = true;
		boolean lowerCase = true;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c >= 0x80) {
				ascii = false;
				break;
			}
			if (c >= 'A' && c <= 'Z') {
				lowerCase = false;
			}
		}
		if (ascii) {
			return lowerCase ? name : name.toLowerCase(Locale.ROOT);
		}
		try {
			return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return name.toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * Normalizes an SNI key: {@code *} stays, {@code *.suffix} keeps its prefix and
	 * normalizes the suffix, anything else is normalized as an exact name.
	 * @param key the key as written
	 * @return the normalized key
	 */
	public static String normalizeKey(String key) {
		requireNonNull(key, "key");
		if (key.equals(WILDCARD)) {
			return key;
		}
		if (key.startsWith(WILDCARD_PREFIX)) {
			return WILDCARD_PREFIX + normalize(key.substring(WILDCARD_PREFIX.length()));
		}
		return normalize(key);
	}

	/**
	 * Finds the keys that name the same host: equal ignoring case, or the Unicode and
	 * A-label forms of one name.
	 * @param keys the keys as written
	 * @return the groups of two or more keys that collide, each in the given order
	 */
	public static List<List<String>> duplicates(Collection<String> keys) {
		Map<String, List<String>> byNormalized = new LinkedHashMap<>();
		for (String key : keys) {
			byNormalized.computeIfAbsent(normalizeKey(key), (normalized) -> new ArrayList<>()).add(key);
		}
		List<List<String>> duplicates = new ArrayList<>();
		for (List<String> group : byNormalized.values()) {
			if (group.size() > 1) {
				duplicates.add(List.copyOf(group));
			}
		}
		return duplicates;
	}

}
