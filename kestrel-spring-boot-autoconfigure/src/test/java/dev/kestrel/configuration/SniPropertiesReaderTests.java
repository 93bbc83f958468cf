package dev.kestrel.configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kestrel.testing.Causes;
import dev.kestrel.configuration.SniPropertiesReader.SniProperty;
import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.configuration.SniConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.SniMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SniPropertiesReader}: SNI host names written as Kestrel users write
 * them, with or without brackets, in YAML, .properties, the command line and .NET-style
 * environment variables; nothing dropped silently.
 */
class SniPropertiesReaderTests {

	@TempDir
	Path directory;

	@Test
	void yamlHostKeysAreReadWholeQuotedOrBracketed() throws IOException {
		Path yaml = write("application.yml", """
				Kestrel:
				  Endpoints:
				    Https:
				      Url: https://127.0.0.1:5001
				      Sni:
				        "a.example.org":
				          Protocols: Http1
				          SslProtocols: [ Tls13 ]
				        "*.example.org":
				          ClientCertificateMode: RequireCertificate
				          Certificate: { Path: wild.pem, KeyPath: wild.key, AllowInvalid: true }
				        "[*.b.example.org]": { Protocols: Http2 }
				        plain.example.net: { Protocols: Http1 }
				        "münchen.example": { Protocols: Http1 }
				        "*":
				        "catch.all":
				          SslProtocols: Tls12,Tls13
				""");
		Map<String, SniConfig> sni = sni(config("--spring.config.location=file:" + yaml), "Https");
		assertThat(sni.keySet()).containsExactly("a.example.org", "*.example.org", "*.b.example.org",
				"plain.example.net", "münchen.example", "*", "catch.all");
		assertThat(sni.get("*")).as("a YAML key without value").isEqualTo(new SniConfig(null, null, null, null));
		assertThat(sni.get("a.example.org")).isEqualTo(new SniConfig("Http1", List.of("Tls13"), null, null));
		assertThat(sni.get("*.example.org")).isEqualTo(new SniConfig(null, null, "RequireCertificate",
				new CertificateConfig("wild.pem", "wild.key", null, null, null, null, true, null)));
		assertThat(sni.get("*.b.example.org").protocols()).isEqualTo("Http2");
		assertThat(sni.get("plain.example.net").protocols()).isEqualTo("Http1");
		assertThat(sni.get("münchen.example").protocols()).isEqualTo("Http1");
		assertThat(sni.get("catch.all").sslProtocols()).containsExactly("Tls12", "Tls13");
	}

	@Test
	void yamlSectionsWithoutValueAreEntriesWithTheEndpointsSettingsButEmptyMapsLeaveNoKey() throws IOException {
		Path yaml = write("application.yml", """
				Kestrel:
				  Endpoints:
				    Https:
				      Url: https://127.0.0.1:5001
				      Sni:
				        "*": {}
				        "a.example.org":
				        "[*.example.org]": ""
				        "b.example.org": { Protocols: Http1 }
				---
				spring.config.activate.on-profile: never
				Kestrel:
				  Endpoints:
				    Https:
				      Sni:
				        "inactive.example.org": {}
				---
				Kestrel:
				  Endpoints:
				    Https:
				      Sni:
				        "later.example.org": {}
				""");
		Map<String, SniConfig> sni = sni(config("--spring.config.location=file:" + yaml), "Https");
		assertThat(sni).as("an SNI section needs at least one key, as in Kestrel: '{}' leaves none")
			.containsOnlyKeys("a.example.org", "*.example.org", "b.example.org");
		assertThat(sni.get("a.example.org")).isEqualTo(new SniConfig(null, null, null, null));
		assertThat(sni.get("*.example.org")).isEqualTo(new SniConfig(null, null, null, null));
	}

	@Test
	void emptyYamlKeyReachesTheLoaderAsAnEmptyHostName() throws IOException {
		Path yaml = write("application.yml", """
				Kestrel:
				  Endpoints:
				    Https:
				      Url: https://127.0.0.1:5001
				      Sni:
				        "": { Protocols: Http1 }
				""");
		assertThat(sni(config("--spring.config.location=file:" + yaml), "Https")).containsOnlyKeys("");
	}

	@Test
	void propertiesKeysWorkWithAndWithoutBrackets() throws IOException {
		Path properties = write("application.properties", """
				Kestrel.Endpoints.Https.Url=https://127.0.0.1:5001
				Kestrel.Endpoints.Https.Sni.a.example.org.Protocols=Http1
				Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.Path=a.pfx
				Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.Password=${A_PASSWORD:secret}
				kestrel.endpoints.Https.sni.*.example.org.ssl-protocols[0]=Tls12
				kestrel.endpoints.Https.sni.*.example.org.ssl-protocols[1]=Tls13
				Kestrel.Endpoints.Https.Sni[*.b.example.org].client-certificate-mode=AllowCertificate
				Kestrel.Endpoints.Https.Sni.*.Certificate.Subject=localhost
				Kestrel.Endpoints.Https.Sni."quoted.example.org".Protocols=Http2
				""");
		Map<String, SniConfig> sni = sni(config("--spring.config.location=file:" + properties), "Https");
		assertThat(sni.keySet()).containsExactlyInAnyOrder("a.example.org", "*.example.org", "*.b.example.org", "*",
				"quoted.example.org");
		assertThat(sni.get("a.example.org").protocols()).isEqualTo("Http1");
		assertThat(sni.get("a.example.org").certificate().path()).isEqualTo("a.pfx");
		assertThat(sni.get("a.example.org").certificate().password()).as("placeholder resolved").isEqualTo("secret");
		assertThat(sni.get("*.example.org").sslProtocols()).containsExactly("Tls12", "Tls13");
		assertThat(sni.get("*.b.example.org").clientCertificateMode()).isEqualTo("AllowCertificate");
		assertThat(sni.get("*").certificate().subject()).isEqualTo("localhost");
		assertThat(sni.get("quoted.example.org").protocols()).isEqualTo("Http2");
	}

	@Test
	void configurationFilesKeepEverySniKeyVisibleInTheEnvironment() throws IOException {
		Path properties = write("application.properties", """
				Kestrel.Endpoints.Https.Url=https://127.0.0.1:5001
				Kestrel.Endpoints.Https.Sni.a.example.org.Protocols=Http1
				""");
		SpringApplication application = new SpringApplication(KestrelTestApplications.PropertiesConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.config.location", "file:" + properties));
		try (ConfigurableApplicationContext context = application.run()) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getPropertySources()
				.stream()
				.filter((source) -> source.getName().contains("application.properties")))
				.singleElement()
				.satisfies((source) -> assertThat(((EnumerablePropertySource<?>) source).getPropertyNames())
					.containsExactly("Kestrel.Endpoints.Https.Url",
							"Kestrel.Endpoints.Https.Sni.a.example.org.Protocols"));
			assertThat(environment.getProperty("Kestrel.Endpoints.Https.Sni.a.example.org.Protocols"))
				.isEqualTo("Http1");
			assertThat(KestrelConfigurationReader.read(environment)
				.configuration()
				.endpoints()
				.get(0)
				.sni()
				.get("a.example.org")
				.protocols()).isEqualTo("Http1");
		}
	}

	@Test
	void sniKeysOfAnEndpointWithoutUrlAreNotDropped() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> KestrelTestApplications.run(TestEnvironments.create()
				.applicationConfig("Kestrel.Endpoints.Https.Url", "https://127.0.0.1:5001",
						"Kestrel.Endpoints.Typo.Sni.a.example.org.Protocols", "Http1")
				.build()))
			.satisfies((ex) -> assertThat(Causes.find(ex, KestrelConfigurationException.class).getProblem())
				.isEqualTo(ConfigurationMessages.endpointMissingUrl("Typo")));
	}

	@Test
	void higherPrecedenceSourcesOverrideEachSettingAndListsAsAWhole() {
		KestrelConfig configuration = KestrelTestApplications.run(TestEnvironments.create()
			.commandLine("--Kestrel.Endpoints.Https.Sni.A.Example.org.Protocols=Http2",
					"--Kestrel.Endpoints.Https.Sni.A.Example.org.SslProtocols[0]=Tls13")
			.applicationConfig("Kestrel.Endpoints.Https.Url", "https://127.0.0.1:5001",
					"Kestrel.Endpoints.Https.Sni.a.example.org.Protocols", "Http1",
					"Kestrel.Endpoints.Https.Sni.a.example.org.ClientCertificateMode", "AllowCertificate",
					"Kestrel.Endpoints.Https.Sni.a.example.org.SslProtocols[0]", "Tls12",
					"Kestrel.Endpoints.Https.Sni.a.example.org.SslProtocols[1]", "Tls13")
			.build());
		assertThat(sni(configuration, "Https")).containsOnlyKeys("a.example.org");
		assertThat(sni(configuration, "Https").get("a.example.org"))
			.isEqualTo(new SniConfig("Http2", List.of("Tls13"), "AllowCertificate", null));
	}

	@Test
	void dotnetStyleEnvironmentVariablesKeepTheirDots() {
		KestrelConfig configuration = KestrelTestApplications.run(TestEnvironments.create()
			.environmentVariables("Kestrel__Endpoints__Https__Url", "https://127.0.0.1:5001",
					"Kestrel__Endpoints__Https__Sni__a.example.org__Protocols", "Http1")
			.build());
		assertThat(sni(configuration, "Https").get("a.example.org").protocols()).isEqualTo("Http1");
	}

	@Test
	void springStyleEnvironmentVariablesCannotNameAHostAndFail() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> KestrelTestApplications.run(TestEnvironments.create()
				.environmentVariables("KESTREL_ENDPOINTS_HTTPS_SNI_AEXAMPLEORG_PROTOCOLS", "Http1")
				.build()))
			.satisfies((ex) -> assertThat(Causes.find(ex, KestrelConfigurationException.class).getProblem())
				.isEqualTo(SniMessages.sniInEnvironmentVariable("KESTREL_ENDPOINTS_HTTPS_SNI_AEXAMPLEORG_PROTOCOLS")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Kestrel.Endpoints.Https.Sni.a.example.org.Protocol",
			"Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.Passwrd",
			"Kestrel.Endpoints.Https.Sni[a.example.org].Url", "Kestrel.Endpoints.Https.Sni.a.example.org",
			"Kestrel.Endpoints.Https.Sni[a.example.org]" })
	void unknownSettingsUnderSniFailNamingTheProperty(String property) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> KestrelTestApplications.run(TestEnvironments.create()
				.applicationConfig("Kestrel.Endpoints.Https.Url", "https://127.0.0.1:5001", property, "x")
				.build()))
			.satisfies((ex) -> {
				KestrelConfigurationException failure = Causes.find(ex, KestrelConfigurationException.class);
				assertThat(failure.getProblem()).isEqualTo(SniMessages.unknownSniKey(property));
				assertThat(failure.getConfigurationKey()).isEqualTo(property);
				assertThat(failure.getEndpointName()).isEqualTo("Https");
			});
	}

	@Test
	void twoSpellingsOfOneHostInOneSourceFail() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> KestrelTestApplications.run(TestEnvironments.create()
				.applicationConfig("Kestrel.Endpoints.Https.Url", "https://127.0.0.1:5001",
						"Kestrel.Endpoints.Https.Sni.a.example.org.Protocols", "Http1",
						"Kestrel.Endpoints.Https.Sni.A.EXAMPLE.org.SslProtocols[0]", "Tls13")
				.build()))
			.satisfies((ex) -> assertThat(Causes.find(ex, KestrelConfigurationException.class).getProblem())
				.isEqualTo(SniMessages.duplicateSniNames("Https", List.of("a.example.org", "A.EXAMPLE.org"))));
	}

	@Test
	void valuesThatDoNotConvertFailNamingTheProperty() {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> KestrelTestApplications.run(TestEnvironments.create()
				.applicationConfig("Kestrel.Endpoints.Https.Url", "https://127.0.0.1:5001",
						"Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.AllowInvalid", "sometimes")
				.build()))
			.satisfies((ex) -> {
				KestrelConfigurationException failure = Causes.find(ex, KestrelConfigurationException.class);
				assertThat(failure.getConfigurationKey())
					.isEqualTo("Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.AllowInvalid");
				assertThat(failure.getProblem()).isEqualTo(SniMessages.invalidSniSetting(
						"Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.AllowInvalid",
						"'sometimes' is not true or false"));
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Kestrel.Endpoints.Https.Sni.a.example.org.Protocols|Https|a.example.org|Protocols",
			"kestrel.endpoints[Https].sni[*.example.org].certificate.key-path|Https|*.example.org|certificate.key-path",
			"Kestrel.Endpoints.Https.Sni.*.SslProtocols[2]|Https|*|SslProtocols[2]",
			"Kestrel.Endpoints.Https.Sni.protocols.Protocols|Https|protocols|Protocols",
			"Kestrel.Endpoints.Https.Sni.certificate.example.Certificate.Bundle|Https|certificate.example|Certificate.Bundle",
			"Kestrel.Endpoints.Https.Sni..Protocols|Https||Protocols" })
	void propertyNamesAreSplitFromTheRight(String name, String endpoint, String host, String setting) {
		assertThat(SniProperty.parse(name)).isEqualTo(new SniProperty(endpoint, (host != null) ? host : "", setting));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Kestrel.Endpoints.Https.Url", "Kestrel.Endpoints.Https.Certificate.Path", "server.port",
			"kestrel.endpoints", "Kestrel.Endpoints.Https.Snicker.a.Protocols" })
	void otherPropertyNamesAreNotSniNames(String name) {
		assertThat(SniProperty.parse(name)).isNull();
	}

	private KestrelConfig config(String... commandLine) {
		return KestrelTestApplications.run(TestEnvironments.create().commandLine(commandLine).build());
	}

	private static Map<String, SniConfig> sni(KestrelConfig configuration, String endpoint) {
		return configuration.endpoints()
			.stream()
			.filter((candidate) -> candidate.name().equals(endpoint))
			.findFirst()
			.map(EndpointConfig::sni)
			.orElseThrow();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
