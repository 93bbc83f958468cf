package dev.kestrel.configuration;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

/**
 * The keys of one property source that the reader binds, listed once: a source may hold
 * tens of thousands of SNI keys, and Spring's binder searches a source's whole name list
 * for each section it binds, so it is given only the names it needs. Values and origins
 * still come from the source itself. This is a view for the reader's own binder; the
 * {@code Environment} is left as it is.
 */
final class KestrelKeys implements IterableConfigurationPropertySource {

	private final ConfigurationPropertySource source;

	private final List<ConfigurationPropertyName> names;

	private KestrelKeys(ConfigurationPropertySource source, List<ConfigurationPropertyName> names) {
		this.source = source;
		this.names = names;
	}

	/**
	 * @param source a property source
	 * @param filter the names to keep
	 * @return the source with only the kept names listed, or the source itself when it
	 * cannot list its names
	 */
	static ConfigurationPropertySource of(ConfigurationPropertySource source,
			Predicate<ConfigurationPropertyName> filter) {
		if (source instanceof IterableConfigurationPropertySource iterable) {
			return new KestrelKeys(source, iterable.stream().filter(filter).toList());
		}
		return source;
	}

	@Override
	public Stream<ConfigurationPropertyName> stream() {
		return this.names.stream();
	}

	@Override
	public ConfigurationProperty getConfigurationProperty(ConfigurationPropertyName name) {
		return this.names.contains(name) ? this.source.getConfigurationProperty(name) : null;
	}

	@Override
	public Object getUnderlyingSource() {
		return this.source.getUnderlyingSource();
	}

}
