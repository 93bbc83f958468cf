package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeansException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.kestrel.configuration.SniConfig;
import dev.kestrel.diagnostics.ConnectionMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.SniMessages;

// Over 400 lines: reading dotted host names from raw property names needs its own parser (SniProperty); it is
// kept next to the reader it serves. Candidate for a split into reader and parser.
/**
 * Reads {@code Kestrel.Endpoints.<Name>.Sni} sections from the property names themselves.
 * Host names contain dots, which Spring's binder takes for nested keys
 * ({@code Sni.a.example.org.Protocols} would bind as the host {@code a}), so Kestrel's
 * usual spelling needs help:
 * <ul>
 * <li>each property name under an endpoint's {@code Sni} is split from the right: the
 * known setting at its end ({@code Protocols}, {@code SslProtocols[i]},
 * {@code ClientCertificateMode}, {@code Certificate.<key>}, {@code Limits.<key>}, in any
 * relaxed spelling) and the host name before it, whole.
 * {@code Sni.a.example.org.Protocols}, {@code Sni[a.example.org].Protocols} and YAML's
 * {@code "a.example.org":} (or {@code "[a.example.org]":}) all name the host
 * {@code a.example.org}; {@code Sni.*.example.org} names {@code *.example.org}. A host
 * written with no setting and no value ({@code "*":} in YAML) is an entry with the
 * endpoint's settings; a section written as an empty map ({@code "*": {}}) leaves no key
 * in Spring's environment, as in .NET's configuration, so an SNI section needs at least
 * one key (Kestrel's own rule);</li>
 * <li>a name under {@code Sni} that ends in no known setting fails start-up, as does an
 * SNI key in a Spring-style environment variable
 * ({@code KESTREL_ENDPOINTS_HTTPS_SNI_...}: a host name cannot be written there), so that
 * no SNI setting is ever silently dropped. .NET-style variables keep their dots
 * ({@code Kestrel__Endpoints__Https__Sni__a.example.org__Protocols}) and are read like
 * any other source;</li>
 * <li>values are read as Spring reads them: placeholders are resolved,
 * {@code SslProtocols} may be a list ({@code [i]} keys) or comma-separated, and a
 * higher-precedence property source overrides a lower one per setting (a list as a
 * whole). Each entry is then bound by Spring's binder to the schema's
 * {@link KestrelProperties.Sni};</li>
 * <li>host names are case-insensitive: two spellings in one property source fail
 * start-up; across sources they are one host, spelled as in the lowest-precedence
 * source.</li>
 * </ul>
 */
final class SniPropertiesReader {

	private static final ConfigurationPropertyName ENDPOINTS = ConfigurationPropertyName.of("kestrel.endpoints");

	/**
	 * The leaf settings of an entry, from the schema: uniform name ({@code sslprotocols})
	 * to bean property path.
	 */
	private static final Map<String, String> ENTRY_KEYS = Schema.keys(KestrelProperties.Sni.class, "");

	/**
	 * The settings of a {@code Certificate} section, from the schema: {@code keypath} to
	 * {@code keyPath}.
	 */
	private static final Map<String, String> CERTIFICATE_KEYS = Schema.keys(KestrelProperties.Certificate.class, "");

	/**
	 * Every setting of an entry: {@code certificate.keypath} to
	 * {@code certificate.keyPath}, ...
	 */
	private static final Map<String, String> SNI_PATHS = sniPaths();

	/**
	 * The sections of an entry and their settings: {@code certificate} (every key),
	 * {@code limits} (the request-level keys only:
	 * {@link KestrelProperties.RequestLimits}).
	 */
	private static final Map<String, Map<String, String>> SECTION_KEYS = Map.of("certificate", CERTIFICATE_KEYS,
			"limits", Schema.keys(KestrelProperties.RequestLimits.class, ""));

	private static Map<String, String> sniPaths() {
		Map<String, String> paths = new LinkedHashMap<>(ENTRY_KEYS);
		paths.putAll(Schema.keys(KestrelProperties.Certificate.class, "certificate"));
		paths.putAll(Schema.keys(KestrelProperties.RequestLimits.class, "limits"));
		return Map.copyOf(paths);
	}

	/**
	 * @param name a configuration property name
	 * @return whether it is below an endpoint's {@code Sni} key (these names are read
	 * here, not bound generically)
	 */
	static boolean isSniName(ConfigurationPropertyName name) {
		return name.getNumberOfElements() > 3 && ENDPOINTS.isAncestorOf(name)
				&& name.getElement(3, ConfigurationPropertyName.Form.UNIFORM).equals("sni");
	}

	private SniPropertiesReader() {
	}

	/**
	 * @param environment the environment
	 * @return per endpoint (by {@link EndpointNames#uniform uniform name}) its SNI
	 * entries
	 */
	static Map<String, EndpointSni> read(Environment environment, Iterable<ConfigurationPropertySource> all) {
		List<EnumerablePropertySource<?>> sources = new ArrayList<>();
		for (ConfigurationPropertySource source : all) {
			Object underlying = source.getUnderlyingSource();
			if (underlying instanceof SystemEnvironmentPropertySource variables) {
				rejectEnvironmentVariables(variables);
			}
			else if (underlying instanceof EnumerablePropertySource<?> enumerable) {
				sources.add(enumerable);
			}
		}
		List<Map<HostKey, Map<String, Setting>>> perSource = new ArrayList<>();
		for (EnumerablePropertySource<?> source : sources) {
			perSource.add(scan(source));
		}
		Map<HostKey, List<Map<String, Setting>>> hosts = new LinkedHashMap<>();
		Map<HostKey, HostKey> spellings = new LinkedHashMap<>();
		for (int i = perSource.size() - 1; i >= 0; i--) {
			for (Map.Entry<HostKey, Map<String, Setting>> entry : perSource.get(i).entrySet()) {
				HostKey key = entry.getKey().caseInsensitive();
				spellings.putIfAbsent(key, entry.getKey());
				hosts.computeIfAbsent(key, (k) -> new ArrayList<>()).add(0, entry.getValue());
			}
		}
		Map<String, EndpointSni> result = new LinkedHashMap<>();
		hosts.forEach((key, values) -> {
			HostKey spelled = spellings.get(key);
			result
				.computeIfAbsent(EndpointNames.uniform(spelled.endpoint()),
						(k) -> new EndpointSni(spelled.endpoint(), new LinkedHashMap<>()))
				.entries()
				.put(spelled.host(), entry(spelled.endpoint(), values, environment));
		});
		return result;
	}

	/**
	 * The SNI section of one endpoint.
	 *
	 * @param endpoint the endpoint name as written (in the lowest-precedence source)
	 * @param entries the entries, keyed by host name as written
	 */
	record EndpointSni(String endpoint, Map<String, SniConfig> entries) {
	}

	private static Map<HostKey, Map<String, Setting>> scan(EnumerablePropertySource<?> source) {
		Map<HostKey, Map<String, Setting>> hosts = new LinkedHashMap<>();
		Map<HostKey, String> spellings = new LinkedHashMap<>();
		for (String name : source.getPropertyNames()) {
			SniProperty property = SniProperty.parse(name);
			if (property == null) {
				continue;
			}
			Object value = source.getProperty(name);
			boolean empty = value == null || value.toString().isBlank();
			if (property.setting() == null && !empty) {
				throw new KestrelConfigurationException(property.endpoint(), name, SniMessages.unknownSniKey(name),
						null);
			}
			if (property.host() != null) {
				Map<String, Setting> settings = host(hosts, spellings, property.endpoint(), property.host(), name);
				if (property.setting() != null) {
					add(settings, property.setting(), name, value);
				}
			}
		}
		return hosts;
	}

	private static Map<String, Setting> host(Map<HostKey, Map<String, Setting>> hosts, Map<HostKey, String> spellings,
			String endpoint, String host, String name) {
		HostKey key = new HostKey(endpoint, host).caseInsensitive();
		String previous = spellings.putIfAbsent(key, host);
		if (previous != null && !previous.equals(host)) {
			throw new KestrelConfigurationException(endpoint, name,
					SniMessages.duplicateSniNames(endpoint, List.of(previous, host)), null);
		}
		return hosts.computeIfAbsent(new HostKey(endpoint, (previous != null) ? previous : host),
				(k) -> new LinkedHashMap<>());
	}

	private static void add(Map<String, Setting> settings, String setting, String name, Object value) {
		int bracket = setting.indexOf('[');
		String key = SniProperty.uniformSetting(setting);
		if (bracket >= 0 && setting.endsWith("]")) {
			int index;
			try {
				index = Integer.parseInt(setting.substring(bracket + 1, setting.length() - 1).trim());
			}
			catch (NumberFormatException ex) {
				throw new KestrelConfigurationException(null, name, SniMessages.unknownSniKey(name), null);
			}
			Setting list = settings.computeIfAbsent(key, (k) -> new Setting(name, new TreeMap<Integer, Object>()));
			if (list.value() instanceof TreeMap<?, ?> elements) {
				@SuppressWarnings("unchecked")
				TreeMap<Integer, Object> indexed = (TreeMap<Integer, Object>) elements;
				indexed.put(index, value);
			}
		}
		else {
			settings.putIfAbsent(key, new Setting(name, value));
		}
	}

	private static void rejectEnvironmentVariables(SystemEnvironmentPropertySource variables) {
		for (String name : variables.getPropertyNames()) {
			if (name.contains("__")) {
				continue;
			}
			String[] parts = name.toLowerCase(Locale.ROOT).split("[_.]+");
			if (parts.length > 4 && parts[0].equals("kestrel") && parts[1].equals("endpoints")
					&& parts[3].equals("sni")) {
				throw new KestrelConfigurationException(null, name, SniMessages.sniInEnvironmentVariable(name), null);
			}
		}
	}

	private static SniConfig entry(String endpoint, List<Map<String, Setting>> sources, Environment environment) {
		Map<String, Setting> merged = new LinkedHashMap<>();
		for (Map<String, Setting> settings : sources) {
			settings.forEach(merged::putIfAbsent);
		}
		KestrelProperties.Sni entry = new KestrelProperties.Sni();
		BeanWrapperImpl schema = new BeanWrapperImpl(entry);
		schema.setAutoGrowNestedPaths(true);
		schema.setConversionService(ApplicationConversionService.getSharedInstance());
		merged.forEach((key, setting) -> {
			String path = SNI_PATHS.get(key);
			if (ConnectionConfig.KEYS.contains(path)) {
				throw new KestrelConfigurationException(endpoint, setting.name(), ConnectionMessages
					.endpointOnlyKeyInSni(setting.name(), Character.toUpperCase(path.charAt(0)) + path.substring(1)),
						null);
			}
			try {
				schema.setPropertyValue(path, resolve(setting.value(), environment));
			}
			catch (BeansException ex) {
				String reason = (schema.getPropertyType(path) == Boolean.class)
						? "'" + resolve(setting.value(), environment) + "' is not true or false"
						: "the value cannot be converted";
				throw new KestrelConfigurationException(endpoint, setting.name(),
						SniMessages.invalidSniSetting(setting.name(), reason), null);
			}
		});
		return KestrelConfigurationReader.sni(entry);
	}

	/**
	 * Resolves placeholders as Spring's binder does; a list ({@code [i]} keys) becomes a
	 * list of strings.
	 */
	private static Object resolve(Object value, Environment environment) {
		if (value instanceof TreeMap<?, ?> elements) {
			return elements.values().stream().map((element) -> resolve(element, environment)).toList();
		}
		return (value != null) ? environment.resolvePlaceholders(String.valueOf(value)) : null;
	}

	/**
	 * A setting's raw value and the property it came from.
	 *
	 * @param name the property name, for messages
	 * @param value the raw value, or the elements of a list by index
	 */
	private record Setting(String name, Object value) {
	}

	private record HostKey(String endpoint, String host) {

		HostKey caseInsensitive() {
			return new HostKey(EndpointNames.uniform(this.endpoint), this.host.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * A property name under {@code Kestrel.Endpoints.<Name>.Sni}, split into the
	 * endpoint, the host and the setting.
	 *
	 * @param endpoint the endpoint name as written
	 * @param host the host name as written (quotes removed), or {@code null} for the
	 * {@code Sni} key itself
	 * @param setting the setting below the host, e.g. {@code Certificate.KeyPath} or
	 * {@code SslProtocols[0]}, or {@code null} when the name ends in none: then the whole
	 * rest is the host, which is fine for an empty section ({@code "*":} in YAML) and an
	 * unknown key otherwise
	 */
	record SniProperty(String endpoint, String host, String setting) {

		private static final String[] PREFIX = { "kestrel", "endpoints", null, "sni" };

		/**
		 * @param name a property name as written in its source
		 * @return whether it names something below an endpoint's {@code Sni} key
		 */
		static boolean isSniName(String name) {
			int end = prefixEnd(name, null);
			return end > 0 && end < name.length();
		}

		/**
		 * @param setting a setting as written, e.g. {@code Certificate.KeyPath} or
		 * {@code SslProtocols[0]}
		 * @return its uniform form, e.g. {@code certificate.keypath},
		 * {@code sslprotocols}
		 */
		static String uniformSetting(String setting) {
			String[] segments = setting.split("\\.");
			StringBuilder uniform = new StringBuilder();
			for (String segment : segments) {
				if (!uniform.isEmpty()) {
					uniform.append('.');
				}
				uniform.append(uniform(segment));
			}
			return uniform.toString();
		}

		/**
		 * @param name a property name as written in its source
		 * @return the parts, or {@code null} for a name outside any {@code Sni} section
		 * @throws KestrelConfigurationException for a bracketed host followed by an
		 * unknown setting
		 */
		static SniProperty parse(String name) {
			String[] elements = new String[PREFIX.length];
			int position = prefixEnd(name, elements);
			if (position < 0) {
				return null;
			}
			String endpoint = elements[2];
			String rest = name.substring(position);
			if (rest.isEmpty()) {
				return new SniProperty(endpoint, null, null);
			}
			String host;
			String setting;
			if (rest.startsWith("[")) {
				int end = rest.indexOf(']');
				if (end < 0) {
					throw unknown(endpoint, name);
				}
				String tail = rest.substring(end + 1);
				host = rest.substring(1, end);
				if (tail.isEmpty()) {
					setting = null;
				}
				else if (tail.startsWith(".") && isSetting(tail.substring(1).split("\\.", -1))) {
					setting = tail.substring(1);
				}
				else {
					throw unknown(endpoint, name);
				}
			}
			else if (rest.startsWith(".")) {
				String[] segments = rest.substring(1).split("\\.", -1);
				int settingLength = settingLength(segments);
				host = String.join(".", Arrays.copyOfRange(segments, 0, segments.length - settingLength));
				setting = (settingLength > 0) ? String.join(".",
						Arrays.copyOfRange(segments, segments.length - settingLength, segments.length)) : null;
			}
			else {
				return null;
			}
			return new SniProperty(endpoint, unquote(host.trim()), setting);
		}

		/**
		 * Reads {@code kestrel.endpoints.<name>.sni}, with any element bracketed and in
		 * any relaxed spelling.
		 * @param name the property name
		 * @param elements receives the elements, or {@code null}
		 * @return the position after {@code sni}, or -1 when the name does not start so
		 */
		private static int prefixEnd(String name, String[] elements) {
			int position = 0;
			for (int index = 0; index < PREFIX.length; index++) {
				if (index > 0) {
					if (position >= name.length()) {
						return -1;
					}
					if (name.charAt(position) == '.') {
						position++;
					}
					else if (name.charAt(position) != '[') {
						return -1;
					}
				}
				if (position >= name.length()) {
					return -1;
				}
				int end;
				String element;
				if (name.charAt(position) == '[') {
					end = name.indexOf(']', position);
					if (end < 0) {
						return -1;
					}
					element = name.substring(position + 1, end);
					end++;
				}
				else {
					end = position;
					while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
						end++;
					}
					element = name.substring(position, end);
				}
				if (PREFIX[index] != null && !EndpointNames.uniform(element).equals(PREFIX[index])) {
					return -1;
				}
				if (elements != null) {
					elements[index] = element;
				}
				position = end;
			}
			return position;
		}

		private static int settingLength(String[] segments) {
			int last = segments.length - 1;
			if (ENTRY_KEYS.containsKey(uniform(segments[last]))) {
				return 1;
			}
			if (last >= 1) {
				Map<String, String> section = SECTION_KEYS.get(uniform(segments[last - 1]));
				if (section != null && section.containsKey(uniform(segments[last]))) {
					return 2;
				}
			}
			return 0;
		}

		private static boolean isSetting(String[] segments) {
			return (segments.length == 1 || segments.length == 2) && settingLength(segments) == segments.length;
		}

		private static String uniform(String segment) {
			int index = segment.indexOf('[');
			return EndpointNames.uniform((index >= 0) ? segment.substring(0, index) : segment);
		}

		private static String unquote(String host) {
			if (host.length() >= 2 && ((host.startsWith("\"") && host.endsWith("\""))
					|| (host.startsWith("'") && host.endsWith("'")))) {
				return host.substring(1, host.length() - 1);
			}
			return host;
		}

		private static KestrelConfigurationException unknown(String endpoint, String name) {
			return new KestrelConfigurationException(endpoint, name, SniMessages.unknownSniKey(name), null);
		}

	}

}
