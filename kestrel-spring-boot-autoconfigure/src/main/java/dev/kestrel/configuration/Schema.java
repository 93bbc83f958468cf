package dev.kestrel.configuration;

import java.beans.PropertyDescriptor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.BeanUtils;

/**
 * Reads key names from the schema, {@link KestrelProperties}, so that code which must
 * recognise keys by name (the SNI reader) never keeps a list of its own.
 */
final class Schema {

	private Schema() {
	}

	/**
	 * @param section a section class of {@link KestrelProperties}
	 * @param prefix the section's path, or {@code ""}
	 * @return the section's leaf keys (its values and lists of values, not its nested
	 * sections): each key's uniform name ({@code keypath}, {@code certificate.keypath})
	 * to its bean property path ({@code keyPath}, {@code certificate.keyPath})
	 */
	static Map<String, String> keys(Class<?> section, String prefix) {
		Map<String, String> keys = new LinkedHashMap<>();
		String path = prefix.isEmpty() ? "" : prefix + ".";
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(section)) {
			Class<?> type = property.getPropertyType();
			if (property.getWriteMethod() != null
					&& (BeanUtils.isSimpleValueType(type) || Collection.class.isAssignableFrom(type))) {
				keys.put(path + EndpointNames.uniform(property.getName()), path + property.getName());
			}
		}
		return Map.copyOf(keys);
	}

}
