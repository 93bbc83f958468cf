package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

import dev.kestrel.configuration.HostingAddresses;

/**
 * Reads the address lists from the environment ({@code server.port} and
 * {@code server.address} reach the server factory through Spring Boot's own customizer).
 * <p>
 * One documented precedence replaces .NET's surprising one (where {@code Urls} in
 * {@code appsettings.json} beats {@code ASPNETCORE_URLS}): the highest-precedence Spring
 * property source that sets any of {@code urls}, {@code ASPNETCORE_URLS},
 * {@code DOTNET_URLS} or {@code kestrel.urls} to a non-blank value wins — command line,
 * then system properties, then environment variables, then {@code application.yml} — and
 * within one source they rank in that order. Without an address list, .NET 8's port lists
 * apply: {@code HTTP_PORTS} / {@code HTTPS_PORTS} (also with an {@code ASPNETCORE_} or
 * {@code DOTNET_} prefix) become {@code http://*:<port>} / {@code https://*:<port>}.
 */
final class HostingAddressesResolver {

	private static final List<Setting> URL_SETTINGS = List.of(new Setting("urls", "urls", null),
			new Setting("aspnetcore.urls", "ASPNETCORE_URLS", null), new Setting("dotnet.urls", "DOTNET_URLS", null),
			new Setting("kestrel.urls", "kestrel.urls", null));

	private static final List<Setting> PORT_SETTINGS = List.of(new Setting("http.ports", "HTTP_PORTS", "http"),
			new Setting("https.ports", "HTTPS_PORTS", "https"),
			new Setting("aspnetcore.http.ports", "ASPNETCORE_HTTP_PORTS", "http"),
			new Setting("aspnetcore.https.ports", "ASPNETCORE_HTTPS_PORTS", "https"),
			new Setting("dotnet.http.ports", "DOTNET_HTTP_PORTS", "http"),
			new Setting("dotnet.https.ports", "DOTNET_HTTPS_PORTS", "https"));

	private HostingAddressesResolver() {
	}

	static HostingAddresses resolve(Environment environment) {
		return resolve(ConfigurationPropertySources.get(environment));
	}

	static HostingAddresses resolve(Iterable<ConfigurationPropertySource> sources) {
		List<String> urls = List.of();
		String urlsSource = null;
		outer: for (ConfigurationPropertySource source : sources) {
			for (Setting setting : URL_SETTINGS) {
				String value = value(source, setting);
				if (value != null) {
					urls = split(value);
					urlsSource = setting.displayName();
					break outer;
				}
			}
		}
		if (urls.isEmpty()) {
			List<String> portUrls = new ArrayList<>();
			List<String> portSources = new ArrayList<>();
			for (Setting setting : PORT_SETTINGS) {
				for (ConfigurationPropertySource source : sources) {
					String value = value(source, setting);
					if (value != null) {
						split(value).forEach((port) -> portUrls.add(setting.scheme() + "://*:" + port));
						portSources.add(setting.displayName());
						break;
					}
				}
			}
			urls = portUrls;
			urlsSource = portSources.isEmpty() ? null : String.join(", ", portSources);
		}
		return new HostingAddresses(urls, urlsSource, null, null);
	}

	private static String value(ConfigurationPropertySource source, Setting setting) {
		ConfigurationProperty property = source.getConfigurationProperty(setting.name());
		if (property == null || property.getValue() == null) {
			return null;
		}
		String value = String.valueOf(property.getValue());
		return value.isBlank() ? null : value;
	}

	static List<String> split(String value) {
		return Arrays.stream(value.split(";")).map(String::trim).filter((url) -> !url.isEmpty()).toList();
	}

	private record Setting(ConfigurationPropertyName name, String displayName, String scheme) {

		Setting(String name, String displayName, String scheme) {
			this(ConfigurationPropertyName.of(name), displayName, scheme);
		}

	}

}
