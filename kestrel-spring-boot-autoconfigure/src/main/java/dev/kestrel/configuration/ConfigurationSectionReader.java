package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;

import static java.util.Objects.requireNonNull;

/**
 * Reads a configuration section other than {@code Kestrel} with Kestrel's endpoint schema
 * (Kestrel's {@code options.Configure(config.GetSection("MyKestrel"))}): the section's
 * {@code Endpoints}, {@code EndpointDefaults} and {@code Certificates}, validated as
 * strictly as the {@code Kestrel} section. Keys are read from every property source, with
 * its precedence (environment variables as {@code MYKESTREL_ENDPOINTS_HTTP_URL}); the
 * starter-wide switches ({@code kestrel.*}) stay in the {@code kestrel} section.
 */
public final class ConfigurationSectionReader {

	private static final Set<String> SECTION_KEYS = Set.of("endpoints", "endpointdefaults", "certificates");

	private ConfigurationSectionReader() {
	}

	/**
	 * @param environment the environment
	 * @param section the section's name, e.g. {@code MyKestrel} or {@code app.kestrel}
	 * @return the section
	 * @throws KestrelConfigurationException naming the key at fault (in the section)
	 */
	public static KestrelConfig read(ConfigurableEnvironment environment, String section) {
		requireNonNull(environment, "environment");
		requireNonNull(section, "section");
		if (section.isBlank() || section.startsWith(".") || section.endsWith(".")) {
			throw new IllegalArgumentException("section: '" + section + "' (expected: a configuration section name)");
		}
		String dotted = section.toLowerCase(Locale.ROOT) + ".";
		String indexed = section.toLowerCase(Locale.ROOT) + "[";
		String variable = section.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "") + "_";
		StandardEnvironment view = new StandardEnvironment() {
			@Override
			protected void customizePropertySources(MutablePropertySources propertySources) {
			}
		};
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			boolean environmentVariables = source instanceof SystemEnvironmentPropertySource;
			Map<String, Object> mapped = new LinkedHashMap<>();
			for (String name : enumerable.getPropertyNames()) {
				String lower = name.toLowerCase(Locale.ROOT);
				String rest = null;
				if (environmentVariables && name.toUpperCase(Locale.ROOT).startsWith(variable)) {
					rest = "KESTREL_" + name.substring(variable.length());
				}
				else if (lower.startsWith(dotted)) {
					rest = "Kestrel." + name.substring(dotted.length());
				}
				else if (lower.startsWith(indexed)) {
					rest = "Kestrel" + name.substring(section.length());
				}
				if (rest != null) {
					Object value = enumerable.getProperty(name);
					mapped.put(rest, (value instanceof String text) ? environment.resolvePlaceholders(text) : value);
				}
			}
			if (!mapped.isEmpty()) {
				view.getPropertySources()
					.addLast(environmentVariables ? new SystemEnvironmentPropertySource(source.getName(), mapped)
							: new MapPropertySource(source.getName(), mapped));
			}
		}
		rejectStarterKeys(view, section);
		try {
			return KestrelConfigurationReader.read(view).configuration();
		}
		catch (KestrelConfigurationException ex) {
			String key = ex.getConfigurationKey();
			String renamed = (key != null) ? key.replaceAll("(?i)(^|, )kestrel([.\\[])", "$1" + section + "$2") : null;
			KestrelConfigurationException failure = new KestrelConfigurationException(ex.getEndpointName(), renamed,
					ex.getProblem(), ex.getCause());
			failure.setStackTrace(ex.getStackTrace());
			throw failure;
		}
	}

	private static void rejectStarterKeys(StandardEnvironment view, String section) {
		List<String> misplaced = new ArrayList<>();
		for (PropertySource<?> source : view.getPropertySources()) {
			for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
				String rest = name.substring("kestrel".length());
				String first = rest.replaceFirst("^[._\\[]", "").split("[._\\[\\]]", 2)[0];
				if (!SECTION_KEYS.contains(EndpointNames.uniform(first))) {
					misplaced.add(section + name.substring("kestrel".length()));
				}
			}
		}
		if (!misplaced.isEmpty()) {
			throw new KestrelConfigurationException(null, String.join(", ", misplaced),
					ConfigurationMessages.unknownKeys(misplaced), null);
		}
	}

}
