package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.Environment;

import dev.kestrel.diagnostics.HostingMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;

/**
 * Reads {@link HostingConfig}: ASP.NET Core's top-level {@code AllowedHosts} and
 * {@code AllowEmptyHosts}, {@code kestrel.https-redirection.*} (with ASP.NET Core's
 * {@code HTTPS_PORT} / {@code ASPNETCORE_HTTPS_PORT} as the port's fallback) and
 * {@code kestrel.hsts.*}. A pure function of the environment, as
 * {@link KestrelConfigurationReader} (which validates the {@code kestrel.*} keys
 * strictly).
 */
public final class HostingConfigReader {

	private static final List<String> HTTPS_PORT_SETTINGS = List.of("https.port", "aspnetcore.https.port",
			"dotnet.https.port");

	private HostingConfigReader() {
	}

	/**
	 * @param environment the environment
	 * @return the hosting settings
	 * @throws KestrelConfigurationException for a value that does not parse
	 */
	public static HostingConfig read(Environment environment) {
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		ConfigurationPropertySources.get(environment).forEach((source) -> sources.add(KestrelKeys.withoutSni(source)));
		Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment),
				ApplicationConversionService.getSharedInstance());
		List<String> allowedHosts = binder.bind("allowedhosts", String.class)
			.map(HostingConfigReader::split)
			.orElse(null);
		boolean allowEmptyHosts = bind(binder, "allowemptyhosts", Boolean.class, "AllowEmptyHosts", true);
		KestrelProperties.HttpsRedirection redirection = binder
			.bind("kestrel.https-redirection", Bindable.of(KestrelProperties.HttpsRedirection.class))
			.orElseGet(KestrelProperties.HttpsRedirection::new);
		KestrelProperties.Hsts hsts = binder.bind("kestrel.hsts", Bindable.of(KestrelProperties.Hsts.class))
			.orElseGet(KestrelProperties.Hsts::new);
		return new HostingConfig(allowedHosts, allowEmptyHosts, redirection(binder, redirection), hsts(hsts));
	}

	private static HostingConfig.Redirection redirection(Binder binder, KestrelProperties.HttpsRedirection settings) {
		int status = settings.getStatusCode();
		if (status != 301 && status != 302 && status != 307 && status != 308) {
			throw new KestrelConfigurationException(null, "kestrel.https-redirection.status-code",
					HostingMessages.invalidRedirectStatusCode(status), null);
		}
		Integer port = settings.getHttpsPort();
		String source = "kestrel.https-redirection.https-port";
		if (port == null) {
			for (String name : HTTPS_PORT_SETTINGS) {
				String value = binder.bind(name, String.class).orElse(null);
				if (value != null && !value.isBlank()) {
					source = name;
					try {
						port = Integer.valueOf(value.trim());
					}
					catch (NumberFormatException ex) {
						throw new KestrelConfigurationException(null, name,
								HostingMessages.invalidHttpsPort(name, value), null);
					}
					break;
				}
			}
		}
		if (port != null && (port < 1 || port > 65535)) {
			throw new KestrelConfigurationException(null, source, HostingMessages.invalidHttpsPort(source, "" + port),
					null);
		}
		return new HostingConfig.Redirection(settings.isEnabled(), status, port, source);
	}

	private static HostingConfig.Hsts hsts(KestrelProperties.Hsts settings) {
		if (settings.getMaxAge() == null || settings.getMaxAge().isNegative()) {
			throw new KestrelConfigurationException(null, "kestrel.hsts.max-age",
					HostingMessages.invalidHstsMaxAge(String.valueOf(settings.getMaxAge())), null);
		}
		return new HostingConfig.Hsts(settings.isEnabled(), settings.getMaxAge(), settings.isIncludeSubDomains(),
				settings.isPreload(), (settings.getExcludedHosts() != null) ? settings.getExcludedHosts() : List.of());
	}

	private static <T> T bind(Binder binder, String name, Class<T> type, String key, T fallback) {
		try {
			return binder.bind(name, type).orElse(fallback);
		}
		catch (RuntimeException ex) {
			throw new KestrelConfigurationException(null, key,
					dev.kestrel.diagnostics.ConfigurationMessages.invalidValue(key, null), null);
		}
	}

	static List<String> split(String value) {
		return Arrays.stream(value.split(";")).map(String::trim).filter((host) -> !host.isEmpty()).toList();
	}

}
