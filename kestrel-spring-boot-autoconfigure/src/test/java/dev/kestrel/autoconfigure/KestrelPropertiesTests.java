package dev.kestrel.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.kestrel.config.SniConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KestrelProperties}: Kestrel's PascalCase keys bind as well as Spring's kebab-case, and unknown keys
 * fail.
 */
class KestrelPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(KestrelTestApplications.PropertiesConfiguration.class);

	@Test
	void defaults() {
		KestrelProperties properties = new KestrelProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getUrls()).isNull();
		assertThat(properties.getEndpoints()).isEmpty();
		assertThat(properties.getCertificates()).isEmpty();
		assertThat(properties.getEndpointDefaults().getProtocols()).isNull();
		assertThat(properties.getLimits().getHttp2()).isEmpty();
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
					"Kestrel.Certificates.Default.Subject=localhost", "Kestrel.Limits.MaxConcurrentConnections=100",
					"Kestrel.Limits.Http2.MaxStreamsPerConnection=50")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KestrelProperties properties = context.getBean(KestrelProperties.class);
				KestrelProperties.Endpoint https = properties.getEndpoints().get("Https");
				assertThat(https.getUrl()).isEqualTo("https://*:5001");
				assertThat(https.getSslProtocols()).containsExactly("Tls13");
				assertThat(https.getClientCertificateMode()).isEqualTo("AllowCertificate");
				assertThat(https.getCertificate().getPath()).isEqualTo("server.pfx");
				assertThat(https.getCertificate().getAllowInvalid()).isTrue();
				assertThat(https.getSni()).as("raw and flat; entries are read from the property names")
					.containsOnlyKeys("a.example.org.Protocols", "a.example.org.Certificate.Subject");
				SniConfig sni = SniPropertiesReader.read(context.getEnvironment()).get("https").entries().get("a.example.org");
				assertThat(sni.protocols()).isEqualTo("Http1");
				assertThat(sni.certificate().subject()).isEqualTo("a.example.org");
				assertThat(properties.getCertificates().get("Default").getSubject()).isEqualTo("localhost");
				assertThat(properties.getLimits().getMaxConcurrentConnections()).isEqualTo("100");
				assertThat(properties.getLimits().getHttp2()).containsEntry("MaxStreamsPerConnection", "50");
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
		this.contextRunner.withPropertyValues("kestrel.endpoints.https.certificate.passwrd=x")
			.run((context) -> assertThat(unboundNames(context.getStartupFailure()))
				.containsExactly("kestrel.endpoints.https.certificate.passwrd"));
	}

	@Test
	void misspelledEndpointDefaultsKeyFailsWithSpringsUnboundPropertiesError() {
		this.contextRunner.withPropertyValues("Kestrel.EndpointDefaults.Protocol=Http1")
			.run((context) -> assertThat(unboundNames(context.getStartupFailure()))
				.containsExactly("kestrel.endpointdefaults.protocol"));
	}

	private static Iterable<String> unboundNames(Throwable failure) {
		assertThat(failure).isNotNull();
		BindException bindException = findCause(failure, BindException.class);
		assertThat(bindException.getName().toString()).isEqualTo("kestrel");
		UnboundConfigurationPropertiesException unbound = findCause(failure,
				UnboundConfigurationPropertiesException.class);
		return unbound.getUnboundProperties().stream().map(ConfigurationProperty::getName).map(Object::toString)
			.toList();
	}

	static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No " + type.getName() + " in the causes of " + failure, failure);
	}

	private static KestrelProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind("kestrel", KestrelProperties.class)
			.get();
	}

}
