package dev.kestrel.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * A property source that answers every key of the source it wraps but lists only the keys outside SNI sections;
 * {@link SniPropertiesReader} reads the SNI keys from {@link #sniNames()}. See {@link SniEnvironmentPostProcessor}.
 */
final class SniHidingPropertySource extends EnumerablePropertySource<EnumerablePropertySource<?>>
		implements OriginLookup<String> {

	private final String[] names;

	private final String[] sniNames;

	private SniHidingPropertySource(EnumerablePropertySource<?> source, String[] names, String[] sniNames) {
		super(source.getName(), source);
		this.names = names;
		this.sniNames = sniNames;
	}

	static SniHidingPropertySource of(EnumerablePropertySource<?> source) {
		List<String> names = new ArrayList<>();
		List<String> sniNames = new ArrayList<>();
		for (String name : source.getPropertyNames()) {
			(SniPropertiesReader.SniProperty.isSniName(name) ? sniNames : names).add(name);
		}
		return new SniHidingPropertySource(source, names.toArray(new String[0]), sniNames.toArray(new String[0]));
	}

	@Override
	public String[] getPropertyNames() {
		return this.names.clone();
	}

	/** @return the SNI keys, which {@link #getPropertyNames()} leaves out */
	String[] sniNames() {
		return this.sniNames.clone();
	}

	@Override
	public Object getProperty(String name) {
		return getSource().getProperty(name);
	}

	@Override
	public boolean containsProperty(String name) {
		return getSource().containsProperty(name);
	}

	@Override
	public Origin getOrigin(String key) {
		return (getSource() instanceof OriginLookup<?>) ? lookup().getOrigin(key) : null;
	}

	@SuppressWarnings("unchecked")
	private OriginLookup<String> lookup() {
		return (OriginLookup<String>) getSource();
	}

}
