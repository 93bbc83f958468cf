package dev.kestrel.configuration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Honours .NET-style environment variables, so container configuration carries over:
 * {@code Kestrel__Endpoints__Http__Url=http://*:8080} becomes
 * {@code Kestrel.Endpoints.Http.Url}, with the precedence of environment variables. As in
 * ASP.NET Core, {@code ASPNETCORE_Kestrel__...} and {@code DOTNET_Kestrel__...} work too,
 * each in a property source of its own, ranked unprefixed over {@code ASPNETCORE_} over
 * {@code DOTNET_}.
 */
public class DotnetEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Name of the property source of unprefixed variables; the prefixed ones get
	 * {@code -aspnetcore}, {@code -dotnet}.
	 */
	public static final String PROPERTY_SOURCE_NAME = "kestrelDotnetEnvironment";

	private static final String[][] PREFIXES = { { "", "" }, { "ASPNETCORE_", "-aspnetcore" },
			{ "DOTNET_", "-dotnet" } };

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> systemEnvironment = sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (!(systemEnvironment instanceof MapPropertySource mapSource)) {
			return;
		}
		String after = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		for (String[] prefix : PREFIXES) {
			Map<String, Object> properties = new LinkedHashMap<>();
			for (String name : mapSource.getPropertyNames()) {
				if (!name.regionMatches(true, 0, prefix[0], 0, prefix[0].length())) {
					continue;
				}
				String key = name.substring(prefix[0].length());
				if (key.contains("__") && key.toLowerCase(Locale.ROOT).startsWith("kestrel__")) {
					properties.put(key.replace("__", "."), mapSource.getProperty(name));
				}
			}
			if (!properties.isEmpty()) {
				String sourceName = PROPERTY_SOURCE_NAME + prefix[1];
				sources.addAfter(after, new MapPropertySource(sourceName, properties));
				after = sourceName;
			}
		}
	}

}
