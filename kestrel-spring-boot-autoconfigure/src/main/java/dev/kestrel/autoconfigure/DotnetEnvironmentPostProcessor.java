package dev.kestrel.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Honours .NET-style environment variables, so container configuration carries over:
 * {@code Kestrel__Endpoints__Http__Url=http://*:8080} (also with an {@code ASPNETCORE_} or {@code DOTNET_} prefix)
 * becomes {@code Kestrel.Endpoints.Http.Url}, with the precedence of environment variables.
 */
public class DotnetEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** Name of the property source this processor adds. */
	public static final String PROPERTY_SOURCE_NAME = "kestrelDotnetEnvironment";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		PropertySource<?> systemEnvironment = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (!(systemEnvironment instanceof MapPropertySource mapSource)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : mapSource.getPropertyNames()) {
			String key = stripPrefix(name);
			if (key.contains("__") && key.toLowerCase(Locale.ROOT).startsWith("kestrel__")) {
				properties.put(key.replace("__", "."), mapSource.getProperty(name));
			}
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}
	}

	private static String stripPrefix(String name) {
		for (String prefix : new String[] { "ASPNETCORE_", "DOTNET_" }) {
			if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return name.substring(prefix.length());
			}
		}
		return name;
	}

}
