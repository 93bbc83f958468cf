package dev.kestrel.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

import dev.kestrel.config.CertificateConfig;
import dev.kestrel.config.EndpointConfig;
import dev.kestrel.config.EndpointDefaultsConfig;
import dev.kestrel.config.KestrelConfig;
import dev.kestrel.config.SniConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.KestrelMessages;

/**
 * Reads the bound {@link KestrelProperties} into the pure-Java {@link KestrelConfig} the loader works on: merges the
 * spellings of one endpoint name across property sources (see {@link EndpointNames}), reads SNI sections from the
 * property names (see {@link SniPropertiesReader}) and rejects settings the starter does not implement yet.
 */
final class KestrelConfigurationReader {

	private static final ConfigurationPropertyName LIMITS = ConfigurationPropertyName.of("kestrel.limits");

	private KestrelConfigurationReader() {
	}

	static KestrelConfig read(KestrelProperties properties, Environment environment) {
		EndpointNames names = EndpointNames.scan(environment);
		rejectLimits(environment);
		Map<String, SniPropertiesReader.EndpointSni> sni = SniPropertiesReader.read(environment);
		Map<String, EndpointConfig> endpoints = new LinkedHashMap<>();
		properties.getEndpoints().forEach((boundName, endpoint) -> {
			String name = names.spelling(boundName);
			SniPropertiesReader.EndpointSni section = sni.get(EndpointNames.uniform(name));
			endpoints.putIfAbsent(EndpointNames.uniform(name),
					endpoint(name, endpoint, (section != null) ? section.entries() : Map.of()));
		});
		sni.forEach((uniformName, section) -> {
			if (!endpoints.containsKey(uniformName)) {
				throw new KestrelConfigurationException(section.endpoint(), "kestrel.endpoints." + section.endpoint(),
						KestrelMessages.endpointMissingUrl(section.endpoint()), null);
			}
		});
		KestrelProperties.EndpointDefaults defaults = properties.getEndpointDefaults();
		Map<String, CertificateConfig> certificates = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		properties.getCertificates().forEach((name, certificate) -> certificates.put(name, certificate(certificate)));
		return new KestrelConfig(new ArrayList<>(endpoints.values()), new EndpointDefaultsConfig(
				defaults.getProtocols(), defaults.getSslProtocols(), defaults.getClientCertificateMode()),
				certificates);
	}

	private static EndpointConfig endpoint(String name, KestrelProperties.Endpoint endpoint,
			Map<String, SniConfig> sni) {
		return new EndpointConfig(name, endpoint.getUrl(), endpoint.getProtocols(), endpoint.getSslProtocols(),
				endpoint.getClientCertificateMode(), certificate(endpoint.getCertificate()), sni,
				endpoint.getDisableAltSvcHeader());
	}

	private static CertificateConfig certificate(KestrelProperties.Certificate certificate) {
		if (certificate == null) {
			return CertificateConfig.EMPTY;
		}
		return new CertificateConfig(certificate.getPath(), certificate.getKeyPath(), certificate.getPassword(),
				certificate.getSubject(), certificate.getStore(), certificate.getLocation(),
				certificate.getAllowInvalid(), certificate.getBundle());
	}

	private static void rejectLimits(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(LIMITS::isAncestorOf).findFirst().ifPresent((name) -> {
					throw new KestrelConfigurationException(null, name.toString(),
							KestrelMessages.notSupportedYet(name.toString()), null);
				});
			}
		}
	}

}
