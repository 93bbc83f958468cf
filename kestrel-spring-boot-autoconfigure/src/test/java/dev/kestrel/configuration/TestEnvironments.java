package dev.kestrel.configuration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Builds environments with the property sources of a Spring Boot application, highest
 * precedence first: command line, system properties, environment variables, application
 * configuration. Nothing comes from the real process, so tests are hermetic.
 */
final class TestEnvironments {

	static final String APPLICATION_CONFIG = "Config resource 'class path resource [application.yml]' via location "
			+ "'optional:classpath:/'";

	private final StandardEnvironment environment = new StandardEnvironment();

	private TestEnvironments() {
		MutablePropertySources sources = this.environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new MapPropertySource(
				StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new LinkedHashMap<>()));
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new LinkedHashMap<>()));
		this.environment.setConversionService(new ApplicationConversionService());
	}

	static TestEnvironments create() {
		return new TestEnvironments();
	}

	/**
	 * Adds command-line arguments ({@code --name=value}), the highest-precedence source.
	 * @param args the arguments
	 * @return this builder
	 */
	TestEnvironments commandLine(String... args) {
		this.environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		return this;
	}

	/**
	 * Sets environment variables (names as the process would see them).
	 * @param variables name, value, name, value...
	 * @return this builder
	 */
	TestEnvironments environmentVariables(String... variables) {
		systemEnvironment().putAll(map(variables));
		return this;
	}

	/**
	 * Adds application configuration ({@code application.yml}), the lowest-precedence
	 * source.
	 * @param properties name, value, name, value...
	 * @return this builder
	 */
	TestEnvironments applicationConfig(String... properties) {
		this.environment.getPropertySources().addLast(new MapPropertySource(APPLICATION_CONFIG, map(properties)));
		return this;
	}

	ConfigurableEnvironment build() {
		return this.environment;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> systemEnvironment() {
		return (Map<String, Object>) this.environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
			.getSource();
	}

	static Map<String, Object> map(String... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			map.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return map;
	}

}
