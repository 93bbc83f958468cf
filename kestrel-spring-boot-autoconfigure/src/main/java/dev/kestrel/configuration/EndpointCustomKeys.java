package dev.kestrel.configuration;

import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;

/**
 * The application's own keys in an endpoint's section ({@code Kestrel.Endpoints.<Name>.
 * MyKey}), which Kestrel hands to {@code Endpoint(name, ...)} callbacks. How they coexist
 * with strict validation:
 * <ul>
 * <li>a key right under an endpoint that is not part of the schema is a <em>custom
 * key</em>: the reader leaves it out of the strict binding and keeps it (with its value)
 * in {@link EndpointConfig#customKeys()};</li>
 * <li>the loader fails startup for every custom key that no {@code endpoint(name, ...)}
 * callback read — so an endpoint without a callback still fails on any unknown key, as
 * before;</li>
 * <li>a key that is within two edits of a schema key ({@code Protocol},
 * {@code SslProtocol}, {@code Ur1}) is never a custom key: it fails here, at read time,
 * even when a callback would read it — a misspelt known key always fails;</li>
 * <li>keys inside the schema's sections ({@code Certificate}, {@code Sni}, ...) stay
 * strict;</li>
 * <li>Spring-style environment variables are left alone, as Spring's strict binding
 * leaves them.</li>
 * </ul>
 */
final class EndpointCustomKeys {

	private static final ConfigurationPropertyName ENDPOINTS = ConfigurationPropertyName.of("kestrel.endpoints");

	private static final Set<String> SCHEMA_KEYS = schemaKeys();

	private EndpointCustomKeys() {
	}

	/**
	 * @param name a property name
	 * @return whether it is a custom key of an endpoint (not a near miss of a schema key)
	 */
	static boolean isCustom(ConfigurationPropertyName name) {
		if (!ENDPOINTS.isAncestorOf(name) || name.getNumberOfElements() < 4) {
			return false;
		}
		String key = EndpointNames.uniform(name.getElement(3, Form.UNIFORM));
		return !SCHEMA_KEYS.contains(key) && nearestSchemaKey(key) == null;
	}

	/**
	 * Reads the custom keys of every endpoint, the highest-precedence source winning.
	 * @param environment the environment (resolves placeholders in values)
	 * @param sources the property sources
	 * @return by uniform endpoint name: the keys relative to the endpoint, as written,
	 * with their values
	 */
	static Map<String, Map<String, String>> read(Environment environment, List<ConfigurationPropertySource> sources) {
		Map<String, Map<String, String>> byEndpoint = new LinkedHashMap<>();
		Map<String, Set<String>> seen = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : sources) {
			if (!(source instanceof IterableConfigurationPropertySource iterable) || isEnvironmentVariables(source)) {
				continue;
			}
			iterable.stream().filter(EndpointCustomKeys::isCustom).forEach((name) -> {
				String endpoint = EndpointNames.uniform(name.getElement(2, Form.ORIGINAL));
				String key = IntStream.range(3, name.getNumberOfElements())
					.mapToObj((i) -> name.getElement(i, Form.ORIGINAL))
					.collect(Collectors.joining("."));
				if (seen.computeIfAbsent(endpoint, (e) -> new TreeSet<>()).add(EndpointNames.uniform(key))) {
					ConfigurationProperty property = source.getConfigurationProperty(name);
					Object value = (property != null) ? property.getValue() : null;
					byEndpoint.computeIfAbsent(endpoint, (e) -> new LinkedHashMap<>())
						.put(key, (value != null) ? environment.resolvePlaceholders(String.valueOf(value)) : "");
				}
			});
		}
		return byEndpoint;
	}

	/**
	 * Fails for a key right under an endpoint that is a near miss of a schema key.
	 * @param sources the property sources
	 */
	static void rejectMisspeltKeys(List<ConfigurationPropertySource> sources) {
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable && !isEnvironmentVariables(source)) {
				iterable.stream()
					.filter((name) -> ENDPOINTS.isAncestorOf(name) && name.getNumberOfElements() >= 4)
					.filter((name) -> {
						String key = EndpointNames.uniform(name.getElement(3, Form.UNIFORM));
						return !SCHEMA_KEYS.contains(key) && nearestSchemaKey(key) != null;
					})
					.findFirst()
					.ifPresent((name) -> {
						String key = name.toString();
						throw new KestrelConfigurationException(name.getElement(2, Form.ORIGINAL), key,
								ConfigurationMessages.unknownKeys(List.of(key)), null);
					});
			}
		}
	}

	/**
	 * Environment variables cannot be validated strictly (Spring's binder leaves their
	 * unknown names alone too: {@code KESTREL_ENDPOINTS_INTERNAL_API_URL} has no one
	 * reading); .NET-style variables ({@code Kestrel__Endpoints__Https__Region}) are
	 * copied into a property source of their own and are read.
	 */
	private static boolean isEnvironmentVariables(ConfigurationPropertySource source) {
		return source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
	}

	private static String nearestSchemaKey(String key) {
		for (String known : SCHEMA_KEYS) {
			if (distance(key, known) <= 2) {
				return known;
			}
		}
		return null;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static Set<String> schemaKeys() {
		Set<String> keys = new TreeSet<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(KestrelProperties.Endpoint.class)) {
			if (property.getWriteMethod() != null) {
				keys.add(EndpointNames.uniform(property.getName()));
			}
		}
		return Set.copyOf(keys);
	}

}
