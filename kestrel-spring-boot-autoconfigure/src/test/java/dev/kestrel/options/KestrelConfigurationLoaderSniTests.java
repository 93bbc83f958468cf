package dev.kestrel.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.configuration.LimitsConfig;
import dev.kestrel.configuration.SniConfig;
import dev.kestrel.diagnostics.LimitsMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the {@code Sni} section in {@link KestrelConfigurationLoader} (S6.3, S15.1,
 * S15.3).
 */
class KestrelConfigurationLoaderSniTests {

	private static final ServerCertificate ENDPOINT = TestCertificates.selfSigned("endpoint").toServerCertificate();

	private static final ServerCertificate HOST = TestCertificates.selfSigned("host").toServerCertificate();

	private final RecordingProvider provider = new RecordingProvider();

	private final KestrelServerOptions options = new KestrelServerOptions();

	KestrelConfigurationLoaderSniTests() {
		this.options.certificateProvider(this.provider);
	}

	@Test
	void entriesLoadWithTheirSettingsAndCertificatesInOrder() {
		Map<String, SniConfig> sni = new LinkedHashMap<>();
		sni.put("a.example.org", new SniConfig("Http1", List.of("Tls13"), "RequireCertificate", file("host")));
		sni.put("*.example.org", new SniConfig(null, null, null, null));
		sni.put("*", new SniConfig(null, List.of("None"), null, null));
		ListenOptions endpoint = load(
				new EndpointConfig("Https", "https://127.0.0.1:5001", null, null, null, file("endpoint"), sni));
		assertThat(endpoint.getSni()).containsOnlyKeys("a.example.org", "*.example.org", "*");
		assertThat(endpoint.getSni().keySet()).containsExactly("a.example.org", "*.example.org", "*");
		assertThat(endpoint.getSni().get("a.example.org")).isEqualTo(new SniOptions(SniCertificate.of(HOST),
				HttpProtocols.HTTP1, java.util.Set.of(SslProtocols.TLS13), ClientCertificateMode.REQUIRE_CERTIFICATE));
		assertThat(endpoint.getSni().get("*.example.org")).isEqualTo(new SniOptions(null, null, null, null));
		assertThat(endpoint.getSni().get("*").sslProtocols()).as("None: the platform default").isEmpty();
		assertThat(endpoint.getHttpsOptions().getServerCertificate()).isSameAs(ENDPOINT);
		assertThat(this.provider.keys).containsExactly("kestrel.endpoints.Https.certificate",
				"kestrel.endpoints.Https.sni.a.example.org.certificate");
	}

	@Test
	void emptyKeyFailsWithKestrelsMessage() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load(sniEndpoint(Map.of("", new SniConfig("Http1", null, null, null)))))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(SniMessages.sniNameCannotBeEmpty("Https"));
				assertThat(ex.getEndpointName()).isEqualTo("Https");
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Https.sni");
			});
	}

	@Test
	void keysNamingTheSameHostFail() {
		Map<String, SniConfig> caseTwins = new LinkedHashMap<>();
		caseTwins.put("*.example.org", new SniConfig(null, null, null, null));
		caseTwins.put("*.EXAMPLE.org", new SniConfig(null, null, null, null));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> load(sniEndpoint(caseTwins)))
			.satisfies((ex) -> {
				assertThat(ex.getProblem())
					.isEqualTo(SniMessages.duplicateSniNames("Https", List.of("*.example.org", "*.EXAMPLE.org")));
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Https.sni.*.EXAMPLE.org");
			});
		Map<String, SniConfig> idnTwins = new LinkedHashMap<>();
		idnTwins.put("münchen.example", new SniConfig(null, null, null, null));
		idnTwins.put("xn--mnchen-3ya.example", new SniConfig(null, null, null, null));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> load(sniEndpoint(idnTwins)))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(
					SniMessages.duplicateSniNames("Https", List.of("münchen.example", "xn--mnchen-3ya.example"))));
	}

	@Test
	void entriesSetRequestLimitsOverTheEndpointsAndNotKeepAliveTimeout() {
		SniConfig limited = new SniConfig(null, null, null, file("host"),
				new LimitsConfig(Map.of("max-request-header-count", "10")));
		ListenOptions endpoint = load(sniEndpoint(Map.of("a.example.org", limited)));
		KestrelServerLimits limits = endpoint.getSni().get("a.example.org").limits();
		assertThat(limits.getMaxRequestHeaderCount()).isEqualTo(10);
		endpoint.getLimits().maxRequestLineSize(1234);
		assertThat(limits.getMaxRequestLineSize()).as("inherited from the endpoint").isEqualTo(1234);
		SniConfig keepAlive = new SniConfig(null, null, null, file("host"),
				new LimitsConfig(Map.of("keep-alive-timeout", "10s")));
		String key = "kestrel.endpoints.Https.sni.a.example.org.limits.keep-alive-timeout";
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load(sniEndpoint(Map.of("a.example.org", keepAlive))))
			.satisfies((ex) -> {
				assertThat(ex.getConfigurationKey()).isEqualTo(key);
				assertThat(ex.getProblem()).isEqualTo(LimitsMessages.limitNotPerHost(key));
			});
	}

	@Test
	void invalidEntryValuesNameTheirKey() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load(sniEndpoint(Map.of("a.example.org", new SniConfig("Http9", null, null, null)))))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.invalidProtocols("Http9"));
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Https.sni.a.example.org.protocols");
			});
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load(sniEndpoint(Map.of("*", new SniConfig(null, List.of("Tls14"), null, null)))))
			.satisfies((ex) -> assertThat(ex.getConfigurationKey())
				.isEqualTo("kestrel.endpoints.Https.sni.*.ssl-protocols"));
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load(sniEndpoint(Map.of("*", new SniConfig(null, null, "Sometimes", null)))))
			.satisfies((ex) -> assertThat(ex.getConfigurationKey())
				.isEqualTo("kestrel.endpoints.Https.sni.*.client-certificate-mode"));
	}

	@Test
	void entryWithoutCertificateNeedsTheEndpointsOrTheDefault() {
		Map<String, SniConfig> sni = new LinkedHashMap<>();
		sni.put("own.example.org", new SniConfig(null, null, null, file("host")));
		sni.put("*", new SniConfig(null, null, null, null));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> load(sniEndpoint(sni)))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(CertificateMessages.noCertificateSpecified());
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Https.sni.*.certificate");
			});
	}

	@Test
	void endpointNeedsNoCertificateWhenEveryEntryHasOne() {
		ListenOptions endpoint = load(
				sniEndpoint(Map.of("own.example.org", new SniConfig(null, null, null, file("host")))));
		assertThat(endpoint.isHttps()).isTrue();
		assertThat(endpoint.getHttpsOptions().hasServerCertificate()).isFalse();
		assertThat(endpoint.getSni().get("own.example.org").certificate().get()).isSameAs(HOST);
	}

	@Test
	void endpointCertificateSelectorServesEntriesWithoutCertificate() {
		KestrelConfigurationLoader loader = this.options
			.configure(config(sniEndpoint(Map.of("*", new SniConfig("Http1", null, null, null)))));
		loader.endpoint("Https",
				(endpoint) -> endpoint.httpsOptions().serverCertificateSelector((connection, name) -> HOST));
		ListenOptions endpoint = loader.load().get(0);
		assertThat(endpoint.getHttpsOptions().getServerCertificateSelector()).isNotNull();
		assertThat(endpoint.getSni()).containsOnlyKeys("*");
	}

	@Test
	void sectionIsIgnoredWhenTheEndpointCallbackEnablesHttpsItself() {
		KestrelConfigurationLoader loader = this.options
			.configure(config(sniEndpoint(Map.of("*", new SniConfig("Http1", null, null, null)))));
		loader.endpoint("Https", (endpoint) -> endpoint.listenOptions().useHttps(HOST));
		ListenOptions endpoint = loader.load().get(0);
		assertThat(endpoint.getSni()).isEmpty();
		assertThat(endpoint.getHttpsOptions().getServerCertificate()).isSameAs(HOST);
	}

	@Test
	void manyCertificatesLoadOnFirstUseOnce() {
		Map<String, SniConfig> sni = new LinkedHashMap<>();
		for (int i = 0; i <= KestrelConfigurationLoader.EAGER_SNI_CERTIFICATES; i++) {
			sni.put("h" + i + ".example.org", new SniConfig(null, null, null, file((i == 7) ? "broken" : "host")));
		}
		ListenOptions endpoint = load(
				new EndpointConfig("Https", "https://127.0.0.1:5001", null, null, null, file("endpoint"), sni));
		assertThat(this.provider.keys).containsExactly("kestrel.endpoints.Https.certificate");
		SniCertificate first = endpoint.getSni().get("h0.example.org").certificate();
		assertThat(first.isDeferred()).isTrue();
		assertThat(first.key()).isEqualTo("kestrel.endpoints.Https.sni.h0.example.org.certificate");
		assertThat(first.get()).isSameAs(HOST);
		assertThat(first.get()).isSameAs(HOST);
		assertThat(this.provider.keys).containsExactly("kestrel.endpoints.Https.certificate",
				"kestrel.endpoints.Https.sni.h0.example.org.certificate");
		SniCertificate broken = endpoint.getSni().get("h7.example.org").certificate();
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(broken::get)
				.satisfies((ex) -> assertThat(ex.getConfigurationKey())
					.isEqualTo("kestrel.endpoints.Https.sni.h7.example.org.certificate"));
		}
		assertThat(this.provider.keys).hasSize(3);
	}

	@Test
	void upToTheLimitCertificatesLoadAtStartup() {
		Map<String, SniConfig> sni = new LinkedHashMap<>();
		for (int i = 0; i < KestrelConfigurationLoader.EAGER_SNI_CERTIFICATES; i++) {
			sni.put("h" + i + ".example.org", new SniConfig(null, null, null, file("host")));
		}
		ListenOptions endpoint = load(sniEndpoint(sni));
		assertThat(this.provider.keys).hasSize(KestrelConfigurationLoader.EAGER_SNI_CERTIFICATES);
		assertThat(endpoint.getSni().values())
			.allSatisfy((entry) -> assertThat(entry.certificate().isDeferred()).isFalse());
	}

	private ListenOptions load(EndpointConfig endpoint) {
		return this.options.configure(config(endpoint)).load().get(0);
	}

	private static EndpointConfig sniEndpoint(Map<String, SniConfig> sni) {
		return new EndpointConfig("Https", "https://127.0.0.1:5001", null, null, null, null, sni);
	}

	private static CertificateConfig file(String name) {
		return new CertificateConfig(name + ".pem", name + ".key", null, null, null, null, null, null);
	}

	private static KestrelConfig config(EndpointConfig endpoint) {
		return new KestrelConfig(List.of(endpoint), null, null);
	}

	/**
	 * Serves {@code endpoint.pem} and {@code host.pem}; has no default or development
	 * certificate.
	 */
	static final class RecordingProvider implements CertificateProvider {

		final List<String> keys = new ArrayList<>();

		@Override
		public Optional<ServerCertificate> load(String endpointName, String keyPrefix, CertificateConfig config) {
			this.keys.add(keyPrefix);
			if (config.path().startsWith("broken")) {
				throw new KestrelConfigurationException(endpointName, keyPrefix,
						CertificateMessages.certificateFileNotFound(config.path()), null);
			}
			return Optional.of(config.path().startsWith("host") ? HOST : ENDPOINT);
		}

		@Override
		public Optional<ServerCertificate> developmentCertificate() {
			return Optional.empty();
		}

		@Override
		public ServerCertificate loadFile(String fileName, String password) {
			throw new UnsupportedOperationException();
		}

		@Override
		public ServerCertificate loadFromStore(String storeName, String subject, boolean allowInvalid,
				StoreLocation location) {
			throw new UnsupportedOperationException();
		}

	}

}
