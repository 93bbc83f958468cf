package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;

/**
 * Endpoint names as written in each property source. Kestrel's names are
 * case-insensitive, and Spring's binder silently gives two names that differ only in case
 * (or in {@code -}/{@code _}) the same value. So:
 * <ul>
 * <li>two such names in <em>one</em> property source are a startup error;</li>
 * <li>the same name in two property sources is one endpoint, the higher-precedence source
 * overriding the lower (as {@code KESTREL_ENDPOINTS_HTTP_URL} overrides
 * {@code Kestrel.Endpoints.Http.Url}); it keeps the spelling of the lowest-precedence
 * source, where it is normally declared.</li>
 * </ul>
 */
public final class EndpointNames {

	private static final ConfigurationPropertyName ENDPOINTS = ConfigurationPropertyName.of("kestrel.endpoints");

	private final Map<String, String> spellingByUniformName;

	private EndpointNames(Map<String, String> spellingByUniformName) {
		this.spellingByUniformName = spellingByUniformName;
	}

	static EndpointNames scan(Iterable<ConfigurationPropertySource> sources) {
		List<Set<String>> namesPerSource = new ArrayList<>();
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				Set<String> names = new LinkedHashSet<>();
				iterable.stream()
					.filter((name) -> ENDPOINTS.isAncestorOf(name) && name.getNumberOfElements() > 2)
					.forEach((name) -> names.add(name.getElement(2, Form.ORIGINAL)));
				checkDistinct(names);
				namesPerSource.add(names);
			}
		}
		Map<String, String> spelling = new LinkedHashMap<>();
		for (int i = namesPerSource.size() - 1; i >= 0; i--) {
			for (String name : namesPerSource.get(i)) {
				spelling.putIfAbsent(uniform(name), name);
			}
		}
		return new EndpointNames(spelling);
	}

	private static void checkDistinct(Set<String> names) {
		checkDistinct(names, (group) -> "kestrel.endpoints." + group.get(0));
	}

	/**
	 * The one rule for endpoint names, wherever they come from (configuration, code,
	 * URLs): two names are the same endpoint name when their {@link #uniform(String)
	 * uniform forms} are equal — as Spring's binder and the
	 * {@code local.kestrel.<name>.port} properties see them — and two such names fail
	 * startup.
	 * @param names endpoint names
	 * @param key the configuration key to report for a group of equal names, or
	 * {@code null} for none
	 * @throws KestrelConfigurationException naming the first group of equal names
	 */
	public static void checkDistinct(Collection<String> names, Function<List<String>, String> key) {
		Map<String, List<String>> byUniform = new LinkedHashMap<>();
		names.forEach((name) -> byUniform.computeIfAbsent(uniform(name), (ignored) -> new ArrayList<>()).add(name));
		for (List<String> group : byUniform.values()) {
			if (group.size() > 1) {
				throw new KestrelConfigurationException(group.get(0), (key != null) ? key.apply(group) : null,
						ConfigurationMessages.duplicateEndpointNames(group), null);
			}
		}
	}

	/**
	 * @param name a name as bound
	 * @return the name's spelling in the lowest-precedence source that has it
	 */
	String spelling(String name) {
		return this.spellingByUniformName.getOrDefault(uniform(name), name);
	}

	/**
	 * @param name an endpoint name
	 * @return its uniform form: letters and digits only, lower case ({@code My-Api} →
	 * {@code myapi})
	 */
	public static String uniform(String name) {
		StringBuilder builder = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				builder.append(Character.toLowerCase(c));
			}
		}
		return builder.toString().toLowerCase(Locale.ROOT);
	}

}
