package dev.kestrel.configuration;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code Kestrel} configuration section in pure Java: what the Spring binder read,
 * before the loader turns it into {@code ListenOptions}. Free of Spring and Netty so that
 * the loader is unit-testable.
 *
 * @param endpoints the endpoints, in configuration order
 * @param endpointDefaults the {@code EndpointDefaults} section
 * @param certificates the {@code Certificates} section ({@code Default},
 * {@code Development}), keyed case-insensitively
 * @param limits the {@code Limits} section (the server's limits)
 */
public record KestrelConfig(List<EndpointConfig> endpoints, EndpointDefaultsConfig endpointDefaults,
		Map<String, CertificateConfig> certificates, LimitsConfig limits) {

	/** An empty section. */
	public static final KestrelConfig EMPTY = new KestrelConfig(List.of(), EndpointDefaultsConfig.EMPTY, Map.of());

	/**
	 * Creates a section without {@code Limits}.
	 * @param endpoints the endpoints
	 * @param endpointDefaults the {@code EndpointDefaults} section
	 * @param certificates the {@code Certificates} section
	 */
	public KestrelConfig(List<EndpointConfig> endpoints, EndpointDefaultsConfig endpointDefaults,
			Map<String, CertificateConfig> certificates) {
		this(endpoints, endpointDefaults, certificates, LimitsConfig.EMPTY);
	}

	public KestrelConfig {
		endpoints = List.copyOf(endpoints);
		endpointDefaults = (endpointDefaults != null) ? endpointDefaults : EndpointDefaultsConfig.EMPTY;
		TreeMap<String, CertificateConfig> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (certificates != null) {
			caseInsensitive.putAll(certificates);
		}
		certificates = Collections.unmodifiableMap(caseInsensitive);
		limits = (limits != null) ? limits : LimitsConfig.EMPTY;
	}

}
