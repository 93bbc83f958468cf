package dev.kestrel.autoconfigure;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

import dev.kestrel.binding.HostingAddresses;

/**
 * Reads the address list and {@code server.port} from the environment.
 * <p>
 * One documented precedence replaces .NET's surprising one (where {@code Urls} in {@code appsettings.json} beats
 * {@code ASPNETCORE_URLS}): the highest-precedence Spring property source that sets any of {@code urls},
 * {@code ASPNETCORE_URLS}, {@code DOTNET_URLS} or {@code kestrel.urls} wins — command line, then system properties,
 * then environment variables, then {@code application.yml} — and within one source they rank in that order.
 */
final class HostingAddressesResolver {

	private static final List<ConfigurationPropertyName> URL_NAMES = List.of(ConfigurationPropertyName.of("urls"),
			ConfigurationPropertyName.of("aspnetcore.urls"), ConfigurationPropertyName.of("dotnet.urls"),
			ConfigurationPropertyName.of("kestrel.urls"));

	private static final List<String> URL_SOURCE_NAMES = List.of("urls", "ASPNETCORE_URLS", "DOTNET_URLS",
			"kestrel.urls");

	private HostingAddressesResolver() {
	}

	static HostingAddresses resolve(Environment environment) {
		List<String> urls = List.of();
		String urlsSource = null;
		outer: for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			for (int i = 0; i < URL_NAMES.size(); i++) {
				ConfigurationProperty property = source.getConfigurationProperty(URL_NAMES.get(i));
				if (property != null && property.getValue() != null) {
					urls = split(String.valueOf(property.getValue()));
					urlsSource = URL_SOURCE_NAMES.get(i);
					break outer;
				}
			}
		}
		Integer serverPort = environment.getProperty("server.port", Integer.class);
		InetAddress serverAddress = environment.getProperty("server.address", InetAddress.class);
		return new HostingAddresses(urls, urlsSource, serverPort, serverAddress);
	}

	static List<String> split(String value) {
		return Arrays.stream(value.split(";")).map(String::trim).filter((url) -> !url.isEmpty()).toList();
	}

}
