package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the configuration records ({@link KestrelConfig}, {@link EndpointConfig},
 * {@link EndpointDefaultsConfig}, {@link SniConfig}, {@link CertificateConfig}).
 */
class ConfigRecordsTests {

	private static final String PASSWORD = "Pa55-w0rd!s3cr3t";

	@Test
	void certificateToStringNeverShowsThePassword() {
		CertificateConfig certificate = new CertificateConfig("server.pfx", "server.key", PASSWORD, "CN=localhost",
				"My", "CurrentUser", true, "bundle");
		assertThat(certificate.toString()).doesNotContain(PASSWORD)
			.contains("password=******")
			.contains("path=server.pfx")
			.contains("keyPath=server.key")
			.contains("subject=CN=localhost")
			.contains("bundle=bundle");
	}

	@Test
	void certificateToStringShowsAMissingPasswordAsNull() {
		CertificateConfig certificate = new CertificateConfig("server.pfx", null, null, null, null, null, null, null);
		assertThat(certificate.toString()).contains("password=null");
	}

	@Test
	void recordsThatContainACertificateNeverShowThePassword() {
		CertificateConfig certificate = new CertificateConfig("server.pfx", null, PASSWORD, null, null, null, null,
				null);
		SniConfig sni = new SniConfig("Http1", List.of("Tls13"), null, certificate);
		EndpointConfig endpoint = new EndpointConfig("Https", "https://*:5001", null, null, null, certificate,
				Map.of("*.example.org", sni));
		KestrelConfig configuration = new KestrelConfig(List.of(endpoint), null, Map.of("Default", certificate));
		assertThat(sni.toString()).doesNotContain(PASSWORD);
		assertThat(endpoint.toString()).doesNotContain(PASSWORD);
		assertThat(configuration.toString()).doesNotContain(PASSWORD);
	}

	@Test
	void certificateKindsFollowPathSubjectAndBundle() {
		CertificateConfig file = new CertificateConfig("server.pfx", null, null, null, null, null, null, null);
		CertificateConfig store = new CertificateConfig(null, null, null, "localhost", null, null, null, null);
		CertificateConfig bundle = new CertificateConfig(null, null, null, null, null, null, null, "server");
		CertificateConfig blank = new CertificateConfig(" ", null, null, "", null, null, null, "  ");
		assertThat(file.isFileCert()).isTrue();
		assertThat(file.isStoreCert()).isFalse();
		assertThat(store.isStoreCert()).isTrue();
		assertThat(store.isFileCert()).isFalse();
		assertThat(bundle.isBundleCert()).isTrue();
		assertThat(blank.isFileCert()).isFalse();
		assertThat(blank.isStoreCert()).isFalse();
		assertThat(blank.isBundleCert()).isFalse();
		assertThat(blank.isEmpty()).isFalse();
		assertThat(CertificateConfig.EMPTY.isEmpty()).isTrue();
		assertThat(new CertificateConfig(null, null, null, null, null, null, null, null).isEmpty()).isTrue();
		assertThat(new CertificateConfig(null, null, null, null, null, null, false, null).isEmpty()).isFalse();
	}

	@Test
	void endpointConfigDefaultsMissingSections() {
		EndpointConfig endpoint = EndpointConfig.of("Http", "http://*:80");
		assertThat(endpoint.certificate()).isSameAs(CertificateConfig.EMPTY);
		assertThat(endpoint.sni()).isEmpty();
		assertThat(endpoint.sslProtocols()).isNull();
		assertThat(endpoint.protocols()).isNull();
		assertThat(endpoint.clientCertificateMode()).isNull();
	}

	@Test
	void endpointConfigNamesItsKeys() {
		assertThat(EndpointConfig.of("Http", null).key("url")).isEqualTo("kestrel.endpoints.Http.url");
	}

	@Test
	void endpointConfigRequiresAName() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> EndpointConfig.of(null, "http://*:80"))
			.withMessage("name");
	}

	@Test
	void endpointConfigCopiesItsCollections() {
		List<String> sslProtocols = new ArrayList<>(List.of("Tls12"));
		Map<String, SniConfig> sni = new LinkedHashMap<>();
		sni.put("b.example.org", new SniConfig(null, null, null, null));
		sni.put("a.example.org", new SniConfig(null, null, null, null));
		EndpointConfig endpoint = new EndpointConfig("Https", "https://*:5001", null, sslProtocols, null, null, sni);
		sslProtocols.add("Tls13");
		sni.clear();
		assertThat(endpoint.sslProtocols()).containsExactly("Tls12");
		assertThat(endpoint.sni()).containsOnlyKeys("b.example.org", "a.example.org");
		assertThat(endpoint.sni().keySet()).containsExactly("b.example.org", "a.example.org");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> endpoint.sni().put("c", new SniConfig(null, null, null, null)));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> endpoint.sslProtocols().add("Tls11"));
	}

	@Test
	void sniConfigDefaultsItsCertificate() {
		SniConfig sni = new SniConfig(null, null, null, null);
		assertThat(sni.certificate()).isSameAs(CertificateConfig.EMPTY);
		assertThat(sni.sslProtocols()).isNull();
	}

	@Test
	void kestrelConfigDefaultsMissingSectionsAndCopiesEndpoints() {
		List<EndpointConfig> endpoints = new ArrayList<>(List.of(EndpointConfig.of("Http", "http://*:80")));
		KestrelConfig configuration = new KestrelConfig(endpoints, null, null);
		endpoints.clear();
		assertThat(configuration.endpoints()).hasSize(1);
		assertThat(configuration.endpointDefaults()).isEqualTo(EndpointDefaultsConfig.EMPTY);
		assertThat(configuration.certificates()).isEmpty();
		assertThat(KestrelConfig.EMPTY.endpoints()).isEmpty();
	}

	// BUG: KestrelConfig documents certificates as "keyed case-insensitively" (Kestrel's
	// Certificates dictionary is
	// OrdinalIgnoreCase, S6.3) and KestrelConfigurationReader passes a
	// TreeMap(CASE_INSENSITIVE_ORDER), but the
	// compact constructor's Map.copyOf(...) turns it into a case-sensitive map:
	// certificates().get("default") is null
	// for a "Default" entry. Consequence: see
	// KestrelServerOptionsTests.defaultCertificateSectionIsFoundWhateverItsCase.
	@Test
	void certificatesAreKeyedCaseInsensitively() {
		Map<String, CertificateConfig> certificates = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		CertificateConfig certificate = new CertificateConfig("server.pfx", null, null, null, null, null, null, null);
		certificates.put("Default", certificate);
		KestrelConfig configuration = new KestrelConfig(List.of(), null, certificates);
		assertThat(configuration.certificates().get("Default")).isSameAs(certificate);
		assertThat(configuration.certificates().get("default")).isSameAs(certificate);
		assertThat(configuration.certificates().get("DEFAULT")).isSameAs(certificate);
	}

	@Test
	void endpointDefaultsCopyTheirSslProtocols() {
		List<String> sslProtocols = new ArrayList<>(List.of("Tls12"));
		EndpointDefaultsConfig defaults = new EndpointDefaultsConfig(null, sslProtocols, null);
		sslProtocols.add("Tls13");
		assertThat(defaults.sslProtocols()).containsExactly("Tls12");
		assertThat(EndpointDefaultsConfig.EMPTY.sslProtocols()).isNull();
	}

}
