package dev.kestrel.configuration;

import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapperImpl;

/**
 * Turns a bound {@code Limits} section ({@link KestrelProperties.Limits} or an SNI
 * entry's {@link KestrelProperties.RequestLimits}) into its record, keeping every key
 * that is set and no other.
 */
final class LimitsSections {

	private LimitsSections() {
	}

	static LimitsConfig of(KestrelProperties.RequestLimits section) {
		if (section == null) {
			return LimitsConfig.EMPTY;
		}
		Map<String, String> values = new LinkedHashMap<>();
		collect(section, "", values);
		return new LimitsConfig(values);
	}

	private static void collect(Object section, String prefix, Map<String, String> values) {
		BeanWrapperImpl wrapper = new BeanWrapperImpl(section);
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(section.getClass())) {
			if (property.getWriteMethod() == null) {
				continue;
			}
			Object value = wrapper.getPropertyValue(property.getName());
			if (value == null) {
				continue;
			}
			String key = prefix + kebab(property.getName());
			if (BeanUtils.isSimpleValueType(value.getClass())) {
				values.put(key, value.toString().trim());
			}
			else {
				collect(value, key + ".", values);
			}
		}
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
