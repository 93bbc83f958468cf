package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.Environment;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.EndpointDefaultsConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.configuration.SniConfig;
import dev.kestrel.configuration.UnsupportedKeys;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.LimitsMessages;

/**
 * The one reader of the starter's configuration: a pure function from the Spring
 * {@link Environment} to immutable {@link KestrelSettings}, callable again at any time
 * (nothing is cached, no property source is replaced, wrapped or hidden, and no file is
 * parsed here).
 * <p>
 * It reads the environment's {@link ConfigurationPropertySources} in four steps:
 * <ol>
 * <li>keys that are part of Kestrel's schema but not implemented yet fail
 * ({@link UnsupportedKeys});</li>
 * <li>endpoint names are matched case-insensitively across sources
 * ({@link EndpointNames});</li>
 * <li>every key outside the SNI sections is bound strictly to a fresh
 * {@link KestrelProperties} — an unknown key fails, naming the key and never its
 * value;</li>
 * <li>SNI sections, whose host names contain dots, are read from the sources' raw
 * property names ({@link SniPropertiesReader}) and bound entry by entry to the same
 * schema.</li>
 * </ol>
 */
public final class KestrelConfigurationReader {

	private static final ConfigurationPropertyName KESTREL = ConfigurationPropertyName.of("kestrel");

	private static final String SERVER_HTTP2 = "server.http2.enabled";

	/**
	 * Spring Boot's request-head sizes, which count differently from Kestrel's: refused
	 * when set, naming the Kestrel key to use.
	 */
	private static final Map<String, String> SERVER_HEAD_SIZES = Map.of("server.max-http-request-header-size",
			"Kestrel.Limits.MaxRequestHeadersTotalSize", "server.netty.max-initial-line-length",
			"Kestrel.Limits.MaxRequestLineSize");

	/**
	 * Spring Boot applies it to servlet servers only; the starter sends it from every
	 * endpoint.
	 */
	private static final String SERVER_HEADER = "server.server-header";

	private static final List<ConfigurationPropertyName> UNSUPPORTED = UnsupportedKeys.KEYS.stream()
		.map(ConfigurationPropertyName::of)
		.toList();

	private KestrelConfigurationReader() {
	}

	/**
	 * Reads the starter's configuration.
	 * @param environment the environment
	 * @return the settings
	 * @throws KestrelConfigurationException when the configuration is invalid
	 */
	public static KestrelSettings read(Environment environment) {
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		ConfigurationPropertySources.get(environment).forEach(sources::add);
		List<ConfigurationPropertySource> withoutSni = sources.stream().map(KestrelKeys::withoutSni).toList();
		rejectUnsupportedKeys(withoutSni);
		Binder server = new Binder(withoutSni, new PropertySourcesPlaceholdersResolver(environment),
				ApplicationConversionService.getSharedInstance());
		rejectHttp2Disabled(server);
		rejectServerHeadSizes(server);
		EndpointNames names = EndpointNames.scan(withoutSni);
		EndpointCustomKeys.rejectMisspeltKeys(withoutSni);
		Map<String, Map<String, String>> customKeys = EndpointCustomKeys.read(environment, withoutSni);
		KestrelProperties properties = bind(environment, withoutSni);
		Map<String, SniPropertiesReader.EndpointSni> sni = SniPropertiesReader.read(environment, sources);
		Map<String, EndpointConfig> endpoints = new LinkedHashMap<>();
		properties.getEndpoints().forEach((boundName, endpoint) -> {
			String name = names.spelling(boundName);
			SniPropertiesReader.EndpointSni section = sni.get(EndpointNames.uniform(name));
			endpoints.putIfAbsent(EndpointNames.uniform(name),
					endpoint(name, endpoint, (section != null) ? section.entries() : Map.of())
						.withCustomKeys(customKeys.get(EndpointNames.uniform(name))));
		});
		customKeys.forEach((uniformName, keys) -> {
			if (!endpoints.containsKey(uniformName)) {
				String name = names.spelling(uniformName);
				throw new KestrelConfigurationException(name, "kestrel.endpoints." + name,
						ConfigurationMessages.endpointMissingUrl(name), null);
			}
		});
		sni.forEach((uniformName, section) -> {
			if (!endpoints.containsKey(uniformName)) {
				throw new KestrelConfigurationException(section.endpoint(), "kestrel.endpoints." + section.endpoint(),
						ConfigurationMessages.endpointMissingUrl(section.endpoint()), null);
			}
		});
		KestrelProperties.EndpointDefaults defaults = properties.getEndpointDefaults();
		Map<String, CertificateConfig> certificates = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		properties.getCertificates().forEach((name, certificate) -> certificates.put(name, certificate(certificate)));
		KestrelConfig configuration = new KestrelConfig(new ArrayList<>(endpoints.values()),
				new EndpointDefaultsConfig(defaults.getProtocols(), defaults.getSslProtocols(),
						defaults.getClientCertificateMode(), ConnectionConfig.of(defaults),
						LimitsSections.of(defaults.getLimits())),
				certificates, LimitsSections.of(properties.getLimits()));
		return new KestrelSettings(configuration,
				HostingAddressesResolver.resolve(withoutSni)
					.withPolicy(properties.isPreferHostingUrls(), properties.isDefaultHttps()),
				properties.isCleartextHttp2(), properties.getDevelopmentCertificate().isAutoCreate(),
				server.bind(SERVER_HEADER, String.class).orElse(null),
				new KestrelTlsConfig(properties.getTls().getEngine(), properties.getTls().getSessionTicketKeys()));
	}

	/**
	 * Binds every {@code kestrel} key outside the SNI sections and the unsupported keys,
	 * strictly.
	 */
	private static KestrelProperties bind(Environment environment, List<ConfigurationPropertySource> sources) {
		List<ConfigurationPropertySource> visible = sources.stream()
			.map((source) -> KestrelKeys.filter(source,
					(name) -> KESTREL.isAncestorOf(name) && !SniPropertiesReader.isSniName(name) && !isUnsupported(name)
							&& !EndpointCustomKeys.isCustom(name)))
			.toList();
		Binder binder = new Binder(visible, new PropertySourcesPlaceholdersResolver(environment),
				ApplicationConversionService.getSharedInstance());
		return bind(binder, KESTREL, new KestrelProperties(), null);
	}

	private static void rejectUnsupportedKeys(List<ConfigurationPropertySource> sources) {
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(KestrelConfigurationReader::isUnsupported).findFirst().ifPresent((name) -> {
					throw new KestrelConfigurationException(null, name.toString(),
							ConfigurationMessages.notSupportedYet(name.toString()), null);
				});
			}
		}
	}

	/**
	 * Spring Boot always gives the server factory an {@code Http2} setting, disabled
	 * unless set; Kestrel endpoints choose protocols themselves (HTTP/2 on by default),
	 * so an explicit {@code server.http2.enabled=false} would be silently ignored: it is
	 * refused instead.
	 */
	private static void rejectHttp2Disabled(Binder binder) {
		if (!binder.bind(SERVER_HTTP2, Boolean.class).orElse(true)) {
			throw new KestrelConfigurationException(null, SERVER_HTTP2, ConfigurationMessages.serverHttp2Disabled(),
					null);
		}
	}

	/**
	 * Kestrel's limits replace Spring Boot's request-head sizes on Kestrel endpoints;
	 * Boot's count bytes differently (no CRLFs), so an explicit value is refused rather
	 * than approximated.
	 */
	private static void rejectServerHeadSizes(Binder binder) {
		SERVER_HEAD_SIZES.forEach((property, kestrelKey) -> {
			if (binder.bind(property, String.class).isBound()) {
				throw new KestrelConfigurationException(null, property,
						LimitsMessages.serverHeadSizeReplaced(property, kestrelKey), null);
			}
		});
	}

	private static boolean isUnsupported(ConfigurationPropertyName name) {
		for (ConfigurationPropertyName key : UNSUPPORTED) {
			if (key.equals(name) || key.isAncestorOf(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Binds a section strictly: every key under {@code name} must be part of the target's
	 * schema. Failures name the key, never its value (which may be a password).
	 * @param <T> the target type
	 * @param binder the binder
	 * @param name the section
	 * @param target the instance to bind to
	 * @param endpointName the endpoint the section belongs to, for messages, or
	 * {@code null}
	 * @return the bound target
	 */
	static <T> T bind(Binder binder, ConfigurationPropertyName name, T target, String endpointName) {
		try {
			return binder
				.bind(name, Bindable.ofInstance(target),
						new NoUnboundElementsBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(),
								new UnboundElementsSourceFilter()))
				.orElse(target);
		}
		catch (BindException ex) {
			throw failure(ex, endpointName);
		}
	}

	private static KestrelConfigurationException failure(BindException ex, String endpointName) {
		if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
			List<String> keys = unbound.getUnboundProperties()
				.stream()
				.map(ConfigurationProperty::getName)
				.map(ConfigurationPropertyName::toString)
				.sorted()
				.toList();
			return new KestrelConfigurationException(endpointName, String.join(", ", keys),
					ConfigurationMessages.unknownKeys(keys), null);
		}
		String key = ex.getName().toString();
		return new KestrelConfigurationException(endpointName, key, ConfigurationMessages.invalidValue(key,
				(ex.getProperty() != null) ? ex.getProperty().getOrigin() : null), null);
	}

	private static EndpointConfig endpoint(String name, KestrelProperties.Endpoint endpoint,
			Map<String, SniConfig> sni) {
		return new EndpointConfig(name, endpoint.getUrl(), endpoint.getProtocols(), endpoint.getSslProtocols(),
				endpoint.getClientCertificateMode(), certificate(endpoint.getCertificate()), sni,
				endpoint.getDisableAltSvcHeader(), ConnectionConfig.of(endpoint),
				LimitsSections.of(endpoint.getLimits()),
				new EndpointTlsConfig(endpoint.getTlsEngine(), endpoint.getSessionTickets(),
						endpoint.getOcspStapling()),
				endpoint.getAllowedHosts(), endpoint.getUnixSocketPermissions(), null);
	}

	static SniConfig sni(KestrelProperties.Sni entry) {
		return new SniConfig(entry.getProtocols(), entry.getSslProtocols(), entry.getClientCertificateMode(),
				certificate(entry.getCertificate()), LimitsSections.of(entry.getLimits()), entry.getOcspStapling());
	}

	private static CertificateConfig certificate(KestrelProperties.Certificate certificate) {
		if (certificate == null) {
			return CertificateConfig.EMPTY;
		}
		return new CertificateConfig(certificate.getPath(), certificate.getKeyPath(), certificate.getPassword(),
				certificate.getSubject(), certificate.getStore(), certificate.getLocation(),
				certificate.getAllowInvalid(), certificate.getBundle());
	}

}
