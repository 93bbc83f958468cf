package dev.kestrel.configuration;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.kestrel.testing.Causes;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.configuration.SniConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KestrelProperties}: Kestrel's PascalCase keys bind as well as Spring's
 * kebab-case, and unknown keys fail.
 */
class KestrelPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(KestrelTestApplications.SettingsConfiguration.class);

	@Test
	void defaults() {
		KestrelProperties properties = new KestrelProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getUrls()).isNull();
		assertThat(properties.getEndpoints()).isEmpty();
		assertThat(properties.getCertificates()).isEmpty();
		assertThat(properties.getEndpointDefaults().getProtocols()).isNull();
		assertThat(properties.isCleartextHttp2()).isTrue();
	}

	@Test
	void protocolSwitchesBindInBothSpellings() {
		KestrelProperties pascal = bind(Map.of("Kestrel.Endpoints.Quic.Url", "https://*:5003",
				"Kestrel.Endpoints.Quic.DisableAltSvcHeader", "true", "Kestrel.CleartextHttp2", "false"));
		assertThat(pascal.getEndpoints().get("Quic").getDisableAltSvcHeader()).isTrue();
		assertThat(pascal.isCleartextHttp2()).isFalse();
		KestrelProperties kebab = bind(Map.of("kestrel.endpoints.quic.url", "https://*:5003",
				"kestrel.endpoints.quic.disable-alt-svc-header", "false", "kestrel.cleartext-http2", "true"));
		assertThat(kebab.getEndpoints().get("quic").getDisableAltSvcHeader()).isFalse();
		assertThat(kebab.isCleartextHttp2()).isTrue();
	}

	@Test
	void pascalCaseKeysBindWithABinder() {
		KestrelProperties properties = bind(Map.of("Kestrel.Endpoints.Http.Url", "http://*:8080",
				"Kestrel.Endpoints.Http.Protocols", "Http1", "Kestrel.EndpointDefaults.Protocols", "Http2",
				"Kestrel.Urls", "http://localhost:5000", "Kestrel.Enabled", "false"));
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getUrls()).isEqualTo("http://localhost:5000");
		assertThat(properties.getEndpointDefaults().getProtocols()).isEqualTo("Http2");
		assertThat(properties.getEndpoints()).containsOnlyKeys("Http");
		assertThat(properties.getEndpoints().get("Http").getUrl()).isEqualTo("http://*:8080");
		assertThat(properties.getEndpoints().get("Http").getProtocols()).isEqualTo("Http1");
	}

	@Test
	void kebabCaseKeysBindWithABinder() {
		KestrelProperties properties = bind(Map.of("kestrel.endpoints.api.url", "https://*:5001",
				"kestrel.endpoints.api.ssl-protocols[0]", "Tls12", "kestrel.endpoints.api.ssl-protocols[1]", "Tls13",
				"kestrel.endpoints.api.client-certificate-mode", "RequireCertificate",
				"kestrel.endpoints.api.certificate.key-path", "server.key",
				"kestrel.endpoint-defaults.client-certificate-mode", "AllowCertificate"));
		KestrelProperties.Endpoint api = properties.getEndpoints().get("api");
		assertThat(api.getUrl()).isEqualTo("https://*:5001");
		assertThat(api.getSslProtocols()).containsExactly("Tls12", "Tls13");
		assertThat(api.getClientCertificateMode()).isEqualTo("RequireCertificate");
		assertThat(api.getCertificate().getKeyPath()).isEqualTo("server.key");
		assertThat(properties.getEndpointDefaults().getClientCertificateMode()).isEqualTo("AllowCertificate");
	}

	@Test
	void pascalCaseKeysBindInAnApplication() {
		this.contextRunner
			.withPropertyValues("Kestrel.Endpoints.Https.Url=https://*:5001",
					"Kestrel.Endpoints.Https.SslProtocols[0]=Tls13",
					"Kestrel.Endpoints.Https.ClientCertificateMode=AllowCertificate",
					"Kestrel.Endpoints.Https.Certificate.Path=server.pfx",
					"Kestrel.Endpoints.Https.Certificate.AllowInvalid=true",
					"Kestrel.Endpoints.Https.Sni[a.example.org].Protocols=Http1",
					"Kestrel.Endpoints.Https.Sni[a.example.org].Certificate.Subject=a.example.org",
					"Kestrel.Certificates.Default.Subject=localhost")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KestrelConfig configuration = context.getBean(KestrelSettings.class).configuration();
				EndpointConfig https = configuration.endpoints().get(0);
				assertThat(https.name()).isEqualTo("Https");
				assertThat(https.url()).isEqualTo("https://*:5001");
				assertThat(https.sslProtocols()).containsExactly("Tls13");
				assertThat(https.clientCertificateMode()).isEqualTo("AllowCertificate");
				assertThat(https.certificate().path()).isEqualTo("server.pfx");
				assertThat(https.certificate().allowInvalid()).isTrue();
				SniConfig sni = https.sni().get("a.example.org");
				assertThat(sni.protocols()).isEqualTo("Http1");
				assertThat(sni.certificate().subject()).isEqualTo("a.example.org");
				assertThat(configuration.certificates().get("Default").subject()).isEqualTo("localhost");
			});
	}

	@Test
	void unknownEndpointKeyFailsWithSpringsUnboundPropertiesError() {
		this.contextRunner.withPropertyValues("Kestrel.Endpoints.Http.Url=http://*:80", "Kestrel.Endpoints.Http.Uri=x")
			.run((context) -> assertThat(unboundNames(context.getStartupFailure()))
				.containsExactly("kestrel.endpoints.http.uri"));
	}

	@Test
	void unknownTopLevelKeyFailsWithSpringsUnboundPropertiesError() {
		this.contextRunner.withPropertyValues("Kestrel.Endpoint.Http.Url=http://*:80")
			.run((context) -> assertThat(unboundNames(context.getStartupFailure()))
				.containsExactly("kestrel.endpoint.http.url"));
	}

	@Test
	void misspelledCertificateKeyFailsWithSpringsUnboundPropertiesError() {
		this.contextRunner.withPropertyValues("kestrel.endpoints.https.certificate.passwrd=n0t-in-any-message")
			.run((context) -> {
				assertThat(unboundNames(context.getStartupFailure()))
					.containsExactly("kestrel.endpoints.https.certificate.passwrd");
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain("n0t-in-any-message");
				}
			});
	}

	@Test
	void valueThatDoesNotConvertFailsNamingTheKeyButNotTheValue() {
		this.contextRunner
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://*:80",
					"Kestrel.Endpoints.Http.DisableAltSvcHeader=n0t-a-boolean")
			.run((context) -> {
				KestrelConfigurationException failure = Causes.find(context.getStartupFailure(),
						KestrelConfigurationException.class);
				assertThat(failure.getConfigurationKey()).isEqualTo("kestrel.endpoints.http.disable-alt-svc-header");
				assertThat(failure.getProblem().description()).contains("kestrel.endpoints.http.disable-alt-svc-header")
					.doesNotContain("n0t-a-boolean");
			});
	}

	@Test
	void misspelledEndpointDefaultsKeyFailsWithSpringsUnboundPropertiesError() {
		this.contextRunner.withPropertyValues("Kestrel.EndpointDefaults.Protocol=Http1")
			.run((context) -> assertThat(unboundNames(context.getStartupFailure()))
				.containsExactly("kestrel.endpointdefaults.protocol"));
	}

	private static Iterable<String> unboundNames(Throwable failure) {
		assertThat(failure).isNotNull();
		KestrelConfigurationException unknown = Causes.find(failure, KestrelConfigurationException.class);
		List<String> keys = List.of(unknown.getConfigurationKey().split(", "));
		assertThat(unknown.getProblem()).isEqualTo(ConfigurationMessages.unknownKeys(keys));
		return keys;
	}

	private static KestrelProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("kestrel", KestrelProperties.class)
			.get();
	}

}
