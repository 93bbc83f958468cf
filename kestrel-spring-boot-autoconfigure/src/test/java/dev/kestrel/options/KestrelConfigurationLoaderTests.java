package dev.kestrel.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.EndpointDefaultsConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.configuration.SniConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.certificates.ServerCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link KestrelConfigurationLoader}: configuration endpoints, their layers
 * (S7.1, S8) and their errors.
 */
class KestrelConfigurationLoaderTests {

	private static final ServerCertificate CERTIFICATE = TestCertificates.selfSigned("localhost").toServerCertificate();

	private final KestrelServerOptions options = new KestrelServerOptions();

	@Test
	void endpointsLoadInConfigurationOrderWithTheirNames() {
		this.options.configureHttpsDefaults((https) -> https.serverCertificate(CERTIFICATE));
		KestrelConfigurationLoader loader = this.options.configure(
				config(EndpointConfig.of("Http", "http://*:8080"), EndpointConfig.of("Local", "http://localhost:5000"),
						EndpointConfig.of("Sock", "http://unix:/tmp/k.sock"),
						EndpointConfig.of("Secure", "https://127.0.0.1:5001")));
		List<ListenOptions> endpoints = loader.load();
		assertThat(endpoints).extracting(ListenOptions::getName).containsExactly("Http", "Local", "Sock", "Secure");
		assertThat(endpoints).extracting(ListenOptions::getDisplayName)
			.containsExactly("http://[::]:8080", "http://localhost:5000", "http://unix:/tmp/k.sock",
					"https://127.0.0.1:5001");
		assertThat(endpoints).extracting(ListenOptions::getSource).containsOnly(EndpointSource.CONFIGURATION);
		assertThat(endpoints).extracting(ListenOptions::getProtocols).containsOnly(HttpProtocols.HTTP1_AND_HTTP2);
	}

	@Test
	void urlIsTrimmed() {
		List<ListenOptions> endpoints = this.options.configure(config(EndpointConfig.of("Http", "  http://*:8080 ")))
			.load();
		assertThat(endpoints).singleElement().extracting(ListenOptions::getDisplayName).isEqualTo("http://[::]:8080");
	}

	@Test
	void loadRunsOnceAndReturnsTheSameEndpoints() {
		List<String> calls = new ArrayList<>();
		KestrelConfigurationLoader loader = this.options.configure(config(EndpointConfig.of("Http", "http://*:80")))
			.endpoint("Http", (endpoint) -> calls.add(endpoint.listenOptions().getName()));
		List<ListenOptions> first = loader.load();
		assertThat(loader.load()).isSameAs(first);
		assertThat(calls).containsExactly("Http");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(first::clear);
	}

	@Test
	void endpointCallbackRunsOnLoadNotOnRegistration() {
		List<String> calls = new ArrayList<>();
		KestrelConfigurationLoader loader = this.options.configure(config(EndpointConfig.of("Http", "http://*:80")))
			.endpoint("Http", (endpoint) -> calls.add("called"));
		assertThat(calls).isEmpty();
		loader.load();
		assertThat(calls).containsExactly("called");
	}

	// ---------------------------------------------------------------- layers

	@Test
	void configurationEndpointDefaultsApplyToEveryConfiguredEndpoint() {
		List<ListenOptions> endpoints = this.options
			.configure(config(defaults("Http1"), EndpointConfig.of("A", "http://*:80"),
					EndpointConfig.of("B", "http://*:81")))
			.load();
		assertThat(endpoints).extracting(ListenOptions::getProtocols).containsOnly(HttpProtocols.HTTP1);
		assertThat(endpoints).allMatch(ListenOptions::isProtocolsSetExplicitly);
	}

	@Test
	void codeEndpointDefaultsBeatConfigurationEndpointDefaults() {
		KestrelConfigurationLoader loader = this.options
			.configure(config(defaults("Http1"), EndpointConfig.of("A", "http://*:80")));
		List<HttpProtocols> seenByCode = new ArrayList<>();
		this.options.configureEndpointDefaults((listen) -> {
			seenByCode.add(listen.getProtocols());
			listen.protocols(HttpProtocols.HTTP2);
		});
		assertThat(loader.load()).singleElement()
			.extracting(ListenOptions::getProtocols)
			.isEqualTo(HttpProtocols.HTTP2);
		assertThat(seenByCode).containsExactly(HttpProtocols.HTTP1);
	}

	@Test
	void endpointProtocolsBeatConfigurationAndCodeDefaults() {
		KestrelConfigurationLoader loader = this.options.configure(config(defaults("Http1"),
				endpoint("A", "http://*:80", "Http1AndHttp2AndHttp3"), EndpointConfig.of("B", "http://*:81")));
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP2));
		assertThat(loader.load()).extracting(ListenOptions::getProtocols)
			.containsExactly(HttpProtocols.HTTP1_AND_HTTP2_AND_HTTP3, HttpProtocols.HTTP2);
	}

	@Test
	void configureEndpointDefaultsCalledBeforeLoadAppliesToConfigurationEndpoints() {
		KestrelConfigurationLoader loader = this.options.configure(config(EndpointConfig.of("A", "http://*:80")));
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP2));
		assertThat(loader.load()).singleElement()
			.extracting(ListenOptions::getProtocols)
			.isEqualTo(HttpProtocols.HTTP2);
	}

	@Test
	void endpointCallbackRunsLastAndSeesEveryLayer() {
		KestrelConfigurationLoader loader = this.options
			.configure(config(defaults("Http1"), endpoint("Api", "https://*:5001", "Http2")));
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		this.options.configureHttpsDefaults((https) -> https.serverCertificate(CERTIFICATE));
		List<EndpointConfiguration> seen = new ArrayList<>();
		loader.endpoint("Api", (endpoint) -> {
			seen.add(endpoint);
			assertThat(endpoint.listenOptions().getProtocols()).isEqualTo(HttpProtocols.HTTP2);
			endpoint.listenOptions().protocols(HttpProtocols.HTTP1_AND_HTTP2);
		});
		ListenOptions loaded = loader.load().get(0);
		assertThat(loaded.getProtocols()).isEqualTo(HttpProtocols.HTTP1_AND_HTTP2);
		assertThat(seen).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.isHttps()).isTrue();
			assertThat(endpoint.listenOptions()).isSameAs(loaded);
			assertThat(endpoint.httpsOptions().getServerCertificate()).isSameAs(CERTIFICATE);
			assertThat(endpoint.configuration().name()).isEqualTo("Api");
			assertThat(endpoint.configuration().url()).isEqualTo("https://*:5001");
		});
	}

	@Test
	void endpointCallbackRunsOnlyForItsName() {
		List<String> calls = new ArrayList<>();
		KestrelConfigurationLoader loader = this.options.configure(config(EndpointConfig.of("A", "http://*:80"),
				EndpointConfig.of("B", "http://*:81"), EndpointConfig.of("C", "http://*:82")));
		loader.endpoint("B", (endpoint) -> calls.add(endpoint.listenOptions().getName()));
		loader.load();
		assertThat(calls).containsExactly("B");
	}

	@Test
	void endpointCallbackMatchesTheNameCaseInsensitively() {
		List<String> calls = new ArrayList<>();
		this.options.configure(config(EndpointConfig.of("MyEndpoint", "http://*:80")))
			.endpoint("myendpoint", (endpoint) -> calls.add(endpoint.listenOptions().getName()))
			.load();
		assertThat(calls).containsExactly("MyEndpoint");
	}

	@Test
	void laterEndpointCallbackForTheSameNameReplacesTheEarlierOne() {
		List<String> calls = new ArrayList<>();
		this.options.configure(config(EndpointConfig.of("Http", "http://*:80")))
			.endpoint("Http", (endpoint) -> calls.add("first"))
			.endpoint("HTTP", (endpoint) -> calls.add("second"))
			.load();
		assertThat(calls).containsExactly("second");
	}

	@Test
	void endpointCallbackForAnUnknownNameNeverRunsAndIsNoError() {
		List<String> calls = new ArrayList<>();
		List<ListenOptions> endpoints = this.options.configure(config(EndpointConfig.of("Http", "http://*:80")))
			.endpoint("Https", (endpoint) -> calls.add("Https"))
			.endpoint("Htt", (endpoint) -> calls.add("Htt"))
			.load();
		assertThat(endpoints).hasSize(1);
		assertThat(calls).isEmpty();
	}

	@Test
	void configureReplacesTheEarlierLoaderAndItsCallbacks() {
		List<String> calls = new ArrayList<>();
		this.options.configure(config(EndpointConfig.of("Http", "http://*:80")))
			.endpoint("Http", (endpoint) -> calls.add("first loader"));
		KestrelConfigurationLoader second = this.options
			.configure(config(EndpointConfig.of("Http", "http://127.0.0.1:81")));
		assertThat(this.options.getConfigurationLoader()).isSameAs(second);
		assertThat(second.load()).singleElement()
			.extracting(ListenOptions::getDisplayName)
			.isEqualTo("http://127.0.0.1:81");
		assertThat(calls).isEmpty();
	}

	@Test
	void endpointArgumentsAreRequired() {
		KestrelConfigurationLoader loader = this.options.configure();
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> loader.endpoint((String) null, (EndpointConfiguration endpoint) -> {
			}))
			.withMessage("name");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> loader.endpoint("Http", null))
			.withMessage("configure");
	}

	// ---------------------------------------------------------------- errors

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   " })
	void missingUrlFailsNamingTheEndpointAndKey(String url) {
		KestrelConfigurationLoader loader = this.options
			.configure(config(EndpointConfig.of("Good", "http://*:80"), EndpointConfig.of("Broken", url)));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(loader::load).satisfies((ex) -> {
			assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.endpointMissingUrl("Broken"));
			assertThat(ex.getMessage()).isEqualTo(ConfigurationMessages.endpointMissingUrl("Broken").description());
			assertThat(ex.getEndpointName()).isEqualTo("Broken");
			assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Broken.url");
		});
	}

	@Test
	void invalidUrlFailsNamingTheEndpointAndKey() {
		KestrelConfigurationLoader loader = this.options.configure(config(EndpointConfig.of("Ftp", "ftp://*:21")));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(loader::load).satisfies((ex) -> {
			assertThat(ex.getProblem()).isEqualTo(BindingMessages.unsupportedScheme("ftp://*:21"));
			assertThat(ex.getEndpointName()).isEqualTo("Ftp");
			assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Ftp.url");
		});
	}

	@Test
	void dynamicPortOnLocalhostFailsNamingTheEndpointAndKey() {
		KestrelConfigurationLoader loader = this.options
			.configure(config(EndpointConfig.of("Local", "http://localhost:0")));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(loader::load).satisfies((ex) -> {
			assertThat(ex.getProblem()).isEqualTo(BindingMessages.dynamicPortOnLocalhost());
			assertThat(ex.getEndpointName()).isEqualTo("Local");
			assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Local.url");
		});
	}

	@Test
	void invalidEndpointProtocolsFailNamingTheEndpointAndKey() {
		KestrelConfigurationLoader loader = this.options.configure(config(endpoint("Http", "http://*:80", "Http4")));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(loader::load).satisfies((ex) -> {
			assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.invalidProtocols("Http4"));
			assertThat(ex.getEndpointName()).isEqualTo("Http");
			assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Http.protocols");
		});
	}

	@Test
	void invalidEndpointDefaultsProtocolsFailNamingTheKey() {
		KestrelConfigurationLoader loader = this.options
			.configure(config(defaults("Http1OrHttp2"), EndpointConfig.of("Http", "http://*:80")));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(loader::load).satisfies((ex) -> {
			assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.invalidProtocols("Http1OrHttp2"));
			assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoint-defaults.protocols");
		});
	}

	@Test
	void endpointNamesDifferingOnlyInCaseAreRejected() {
		KestrelConfig configuration = config(EndpointConfig.of("Http", "http://*:80"),
				EndpointConfig.of("Other", "http://*:81"), EndpointConfig.of("HTTP", "http://*:82"));
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> this.options.configure(configuration))
			.satisfies((ex) -> {
				assertThat(ex.getProblem())
					.isEqualTo(ConfigurationMessages.duplicateEndpointNames(List.of("Http", "HTTP")));
				assertThat(ex.getEndpointName()).isEqualTo("Http");
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Http");
			});
		assertThat(this.options.getConfigurationLoader()).isNull();
	}

	@Test
	void httpsEndpointWithoutAnyCertificateFailsNamingTheEndpointAndKey() {
		KestrelConfigurationLoader loader = this.options
			.configure(config(EndpointConfig.of("Https", "https://127.0.0.1:5001")));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(loader::load).satisfies((ex) -> {
			assertThat(ex.getProblem()).isEqualTo(CertificateMessages.noCertificateSpecified());
			assertThat(ex.getEndpointName()).isEqualTo("Https");
			assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Https.certificate");
		});
	}

	static Stream<Arguments> httpsOnlyKeys() {
		CertificateConfig certificate = new CertificateConfig("server.pfx", null, "secret", null, null, null, null,
				null);
		return Stream.of(
				arguments("Certificate", "kestrel.endpoints.Http.certificate",
						new EndpointConfig("Http", "http://*:80", null, null, null, certificate, null)),
				arguments("ClientCertificateMode", "kestrel.endpoints.Http.client-certificate-mode",
						new EndpointConfig("Http", "http://*:80", null, null, "RequireCertificate", null, null)),
				arguments("SslProtocols", "kestrel.endpoints.Http.ssl-protocols",
						new EndpointConfig("Http", "http://*:80", null, List.of("Tls13"), null, null, null)),
				arguments("Sni", "kestrel.endpoints.Http.sni",
						new EndpointConfig("Http", "http://*:80", null, null, null, null,
								Map.of("*.example.org", new SniConfig("Http1", null, null, null)))),
				// Kestrel checks Certificate, ClientCertificateMode, SslProtocols, Sni in
				// that order
				arguments("Certificate", "kestrel.endpoints.Http.certificate",
						new EndpointConfig("Http", "http://*:80", null, List.of("Tls13"), "RequireCertificate",
								certificate, Map.of("*", new SniConfig(null, null, null, null)))),
				arguments("ClientCertificateMode", "kestrel.endpoints.Http.client-certificate-mode",
						new EndpointConfig("Http", "http://*:80", null, List.of("Tls13"), "RequireCertificate", null,
								Map.of("*", new SniConfig(null, null, null, null)))),
				arguments("SslProtocols", "kestrel.endpoints.Http.ssl-protocols",
						new EndpointConfig("Http", "http://*:80", null, List.of("Tls13"), null, null,
								Map.of("*", new SniConfig(null, null, null, null)))));
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("httpsOnlyKeys")
	void httpsOnlyKeyOnAnHttpEndpointFailsNamingTheKey(String keyName, String key, EndpointConfig endpoint) {
		KestrelConfigurationLoader loader = this.options.configure(config(endpoint));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(loader::load).satisfies((ex) -> {
			assertThat(ex.getProblem()).isEqualTo(CertificateMessages.endpointHasUnusedHttpsConfig("Http", keyName));
			assertThat(ex.getEndpointName()).isEqualTo("Http");
			assertThat(ex.getConfigurationKey()).isEqualTo(key);
			assertThat(ex.getMessage()).doesNotContain("secret");
		});
	}

	@Test
	void httpsOnlyEndpointDefaultsAreAcceptedOnHttpEndpoints() {
		KestrelConfig configuration = new KestrelConfig(List.of(EndpointConfig.of("Http", "http://*:80")),
				new EndpointDefaultsConfig(null, List.of("Tls13"), "RequireCertificate"), null);
		assertThat(this.options.configure(configuration).load()).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint.isHttps()).isFalse());
	}

	static Stream<Arguments> notSupportedYet() {
		CertificateConfig certificate = new CertificateConfig("server.pfx", null, "secret", null, null, null, null,
				null);
		return Stream.of(
				arguments("Certificates.Development", "kestrel.certificates.Development",
						new KestrelConfig(List.of(EndpointConfig.of("Http", "http://*:80")), null,
								Map.of("Development", certificate))),
				arguments("Certificates.development", "kestrel.certificates.development",
						new KestrelConfig(List.of(), null, Map.of("development", certificate))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notSupportedYet")
	void keyNotSupportedYetFailsNamingTheKey(String description, String key, KestrelConfig configuration) {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> this.options.configure(configuration))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.notSupportedYet(key));
				assertThat(ex.getConfigurationKey()).isEqualTo(key);
				assertThat(ex.getEndpointName()).isNull();
				assertThat(ex.getMessage()).doesNotContain("secret");
			});
	}

	@Test
	void unknownCertificateNameIsAnUnknownKey() {
		KestrelConfig configuration = new KestrelConfig(List.of(), null,
				Map.of("Fallback", new CertificateConfig("a.pfx", null, null, null, null, null, null, null)));
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> this.options.configure(configuration))
			.satisfies((ex) -> {
				assertThat(ex.getProblem())
					.isEqualTo(ConfigurationMessages.unknownKey("kestrel.certificates.Fallback"));
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.certificates.Fallback");
			});
	}

	@Test
	void disableAltSvcHeaderFromConfigurationReachesTheEndpointAndCodeMayOverrideIt() {
		EndpointConfig quiet = new EndpointConfig("Quiet", "http://*:80", null, null, null, null, null, true);
		EndpointConfig loud = new EndpointConfig("Loud", "http://*:81", null, null, null, null, null, true);
		List<ListenOptions> endpoints = this.options
			.configure(config(quiet, loud, endpoint("Plain", "http://*:82", null)))
			.endpoint("Loud", (endpoint) -> endpoint.listenOptions().disableAltSvcHeader(false))
			.load();
		assertThat(endpoints).extracting(ListenOptions::getName, ListenOptions::isDisableAltSvcHeader)
			.containsExactly(tuple("Quiet", true), tuple("Loud", false), tuple("Plain", false));
	}

	@Test
	void emptyCertificateAndSniSectionsAreAccepted() {
		EndpointConfig endpoint = new EndpointConfig("Http", "http://*:80", null, null, null, CertificateConfig.EMPTY,
				Map.of());
		assertThat(this.options.configure(config(endpoint)).load()).hasSize(1);
	}

	private static KestrelConfig config(EndpointConfig... endpoints) {
		return new KestrelConfig(List.of(endpoints), null, null);
	}

	private static KestrelConfig config(EndpointDefaultsConfig defaults, EndpointConfig... endpoints) {
		return new KestrelConfig(List.of(endpoints), defaults, null);
	}

	private static EndpointDefaultsConfig defaults(String protocols) {
		return new EndpointDefaultsConfig(protocols, null, null);
	}

	private static EndpointConfig endpoint(String name, String url, String protocols) {
		return new EndpointConfig(name, url, protocols, null, null, null, null);
	}

}
