package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A view of one property source for the reader's own binding, listing only the names it
 * binds. A configuration file may hold tens of thousands of SNI keys: Spring's adapter
 * maps every property name of a source the first time any name is listed or missed, and
 * its binder searches the whole list for each section it binds. So the SNI keys (read
 * separately from the raw names, see {@link SniPropertiesReader}) are left out here by a
 * string test before any name is adapted, and values and origins are read from the
 * underlying source by their raw name. The {@code Environment} itself is left as it is.
 */
final class KestrelKeys implements IterableConfigurationPropertySource {

	private final ConfigurationPropertySource source;

	private final EnumerablePropertySource<?> raw;

	private final List<ConfigurationPropertyName> names;

	private final Set<ConfigurationPropertyName> listed;

	private final Map<ConfigurationPropertyName, String> rawNames;

	private KestrelKeys(ConfigurationPropertySource source, EnumerablePropertySource<?> raw,
			List<ConfigurationPropertyName> names, Map<ConfigurationPropertyName, String> rawNames) {
		this.source = source;
		this.raw = raw;
		this.names = names;
		this.listed = new HashSet<>(names);
		this.rawNames = rawNames;
	}

	/**
	 * @param source a property source
	 * @return the source without its SNI keys
	 */
	static ConfigurationPropertySource withoutSni(ConfigurationPropertySource source) {
		if (source.getUnderlyingSource() instanceof EnumerablePropertySource<?> raw
				&& !(raw instanceof SystemEnvironmentPropertySource)) {
			List<ConfigurationPropertyName> names = new ArrayList<>();
			Map<ConfigurationPropertyName, String> rawNames = new HashMap<>();
			for (String name : raw.getPropertyNames()) {
				if (!SniPropertiesReader.SniProperty.isSniName(name)) {
					ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(name, '.');
					if (!adapted.isEmpty()) {
						names.add(adapted);
						rawNames.putIfAbsent(adapted, name);
					}
				}
			}
			return new KestrelKeys(source, raw, names, rawNames);
		}
		return filter(source, (name) -> !SniPropertiesReader.isSniName(name));
	}

	/**
	 * @param source a property source
	 * @param filter the names to keep
	 * @return the source with only the kept names listed, or the source itself when it
	 * cannot list its names
	 */
	static ConfigurationPropertySource filter(ConfigurationPropertySource source,
			Predicate<ConfigurationPropertyName> filter) {
		if (source instanceof KestrelKeys keys) {
			List<ConfigurationPropertyName> names = keys.names.stream().filter(filter).toList();
			return new KestrelKeys(keys.source, keys.raw, names, keys.rawNames);
		}
		if (source instanceof IterableConfigurationPropertySource iterable) {
			return new KestrelKeys(source, null, iterable.stream().filter(filter).toList(), Map.of());
		}
		return source;
	}

	@Override
	public Stream<ConfigurationPropertyName> stream() {
		return this.names.stream();
	}

	@Override
	public ConfigurationProperty getConfigurationProperty(ConfigurationPropertyName name) {
		if (this.raw == null) {
			return this.listed.contains(name) ? this.source.getConfigurationProperty(name) : null;
		}
		String rawName = this.rawNames.get(name);
		if (rawName == null || !this.listed.contains(name)) {
			return null;
		}
		Object value = this.raw.getProperty(rawName);
		return (value != null) ? new ConfigurationProperty(name, value, OriginLookup.getOrigin(this.raw, rawName))
				: null;
	}

	@Override
	public Object getUnderlyingSource() {
		return this.source.getUnderlyingSource();
	}

}
