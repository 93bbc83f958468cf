package dev.kestrel.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Keeps large SNI sections out of Spring's generic binding. The starter reads {@code Kestrel.Endpoints.<Name>.Sni}
 * entries from the property names itself ({@link SniPropertiesReader}), since host names contain dots; binding the same
 * keys again through {@code @ConfigurationProperties} only costs time — seconds for 10,000 hosts. So once the
 * configuration files are loaded, each property source that has SNI keys is replaced by a view that still answers
 * every key but no longer lists the SNI ones ({@link SniHidingPropertySource}). Sources added later (test properties,
 * {@code @PropertySource}) are bound as before, which is correct, only slower.
 */
public class SniEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<EnumerablePropertySource<?>> replaced = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable
					&& !(source instanceof SystemEnvironmentPropertySource)
					&& !(source instanceof SniHidingPropertySource)) {
				for (String name : enumerable.getPropertyNames()) {
					if (SniPropertiesReader.SniProperty.isSniName(name)) {
						replaced.add(enumerable);
						break;
					}
				}
			}
		}
		for (EnumerablePropertySource<?> source : replaced) {
			environment.getPropertySources().replace(source.getName(), SniHidingPropertySource.of(source));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
