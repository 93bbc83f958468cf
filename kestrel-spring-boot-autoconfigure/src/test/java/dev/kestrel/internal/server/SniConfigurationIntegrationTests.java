package dev.kestrel.internal.server;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TestServers.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * SNI sections from configuration files as Kestrel users write them (dotted host names
 * without brackets in YAML and .properties, {@code "*":}), and SNI start-up errors
 * through {@code SpringApplication} and the failure analyzer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SniConfigurationIntegrationTests {

	@TempDir
	static Path certs;

	static TestCertificate root;

	static TestCertificate endpoint;

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.certificate("SNI Root").certificateAuthority().fileName("root").build();
		root.writeCertificatePem(certs);
		endpoint = signed("endpoint", "localhost");
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void dottedHostKeysFromYamlAndPropertiesFiles(@TempDir Path config) throws Exception {
		TestCertificate a = signed("a.example.org", "a.example.org");
		TestCertificate wild = signed("*.example.org", "*.example.org");
		PemFiles aPem = a.writePem(config);
		PemFiles wildPem = wild.writePem(config);
		PemFiles endpointPem = endpoint.writePem(config);
		Path yaml = Files.writeString(config.resolve("application.yml"), """
				Kestrel:
				  Endpoints:
				    Yaml:
				      Url: https://127.0.0.1:0
				      Certificate: { Path: %s, KeyPath: %s }
				      Sni:
				        "a.example.org":
				          Certificate: { Path: %s, KeyPath: %s }
				        "*.example.org":
				          Protocols: Http1
				          Certificate: { Path: %s, KeyPath: %s }
				        "*":
				""".formatted(endpointPem.certificate(), endpointPem.key(), aPem.certificate(), aPem.key(),
				wildPem.certificate(), wildPem.key()));
		Path properties = Files.writeString(config.resolve("other.properties"), """
				Kestrel.Endpoints.Props.Url=https://127.0.0.1:0
				Kestrel.Endpoints.Props.Certificate.Path=%s
				Kestrel.Endpoints.Props.Certificate.KeyPath=%s
				Kestrel.Endpoints.Props.Sni.a.example.org.Certificate.Path=%s
				Kestrel.Endpoints.Props.Sni.a.example.org.Certificate.KeyPath=%s
				Kestrel.Endpoints.Props.Sni[*.example.org].Protocols=Http1
				""".formatted(endpointPem.certificate(), endpointPem.key(), aPem.certificate(), aPem.key()));
		try (ConfigurableApplicationContext files = new SpringApplicationBuilder(TestApplication.class)
			.properties("spring.config.location=file:" + yaml + ",file:" + properties)
			.run()) {
			int yamlPort = HttpsEndpointIntegrationTests.port(files, "Yaml");
			int propsPort = HttpsEndpointIntegrationTests.port(files, "Props");
			assertThat(subject(sClient(yamlPort, "a.example.org").output())).isEqualTo("CN=a.example.org");
			assertThat(subject(sClient(yamlPort, "b.example.org").output())).isEqualTo("CN=*.example.org");
			assertThat(subject(sClient(yamlPort, "other.test").output())).isEqualTo("CN=endpoint");
			assertThat(TestServers
				.curl("-o", "/dev/null", "-w", "%{http_version}", "--http2", "--cacert",
						certs.resolve("root.crt").toString(), "--resolve", "b.example.org:" + yamlPort + ":127.0.0.1",
						"https://b.example.org:" + yamlPort + "/")
				.output()).isEqualTo("1.1");
			assertThat(subject(sClient(propsPort, "a.example.org").output())).isEqualTo("CN=a.example.org");
			assertThat(subject(sClient(propsPort, "z.example.org").output())).isEqualTo("CN=endpoint");
			assertThat(sClient(propsPort, "other.test").output()).contains("unrecognized name");
		}
	}

	@Test
	void emptyKeyFailsStartupWithKestrelsMessage(CapturedOutput output, @TempDir Path config) throws Exception {
		Path yaml = Files.writeString(config.resolve("application.yml"), """
				Kestrel:
				  Endpoints:
				    Bad:
				      Url: https://127.0.0.1:0
				      Sni:
				        "": { Protocols: Http1 }
				""");
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(TestApplication.class)
			.properties("spring.config.location=file:" + yaml)
			.run()
			.close());
		assertThat(output).contains("Kestrel could not start endpoint 'Bad'",
				SniMessages.sniNameCannotBeEmpty("Bad").description());
	}

	@Test
	void keysEqualIgnoringCaseFailStartup(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> new SpringApplicationBuilder(TestApplication.class)
					.properties("Kestrel.Endpoints.Bad.Url=https://127.0.0.1:0",
							"Kestrel.Endpoints.Bad.Sni.*.example.org.Protocols=Http1",
							"Kestrel.Endpoints.Bad.Sni.*.EXAMPLE.org.Protocols=Http2")
					.run()
					.close());
		assertThat(output)
			.contains(SniMessages.duplicateSniNames("Bad", List.of("*.example.org", "*.EXAMPLE.org")).description());
	}

	@Test
	void sniOnAnHttpEndpointFailsStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(TestApplication.class)
			.properties("Kestrel.Endpoints.Plain.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Plain.Sni.*.Protocols=Http1")
			.run()
			.close());
		assertThat(output).contains(CertificateMessages.endpointHasUnusedHttpsConfig("Plain", "Sni").description());
	}

	@Test
	@RequiresTools("openssl")
	void manyCertificatesLoadInTheBackgroundAndABrokenOneRefusesOnlyItsHost(CapturedOutput output, @TempDir Path config)
			throws Exception {
		PemFiles host = signed("*.example.org", "*.example.org").writePem(config);
		PemFiles endpointPem = endpoint.writePem(config);
		List<String> properties = new java.util.ArrayList<>(List.of("Kestrel.Endpoints.Many.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Many.Certificate.Path=" + endpointPem.certificate(),
				"Kestrel.Endpoints.Many.Certificate.KeyPath=" + endpointPem.key()));
		for (int i = 0; i < 120; i++) {
			properties.add("Kestrel.Endpoints.Many.Sni.h" + i + ".example.org.Certificate.Path=" + host.certificate());
			properties.add("Kestrel.Endpoints.Many.Sni.h" + i + ".example.org.Certificate.KeyPath=" + host.key());
		}
		properties
			.add("Kestrel.Endpoints.Many.Sni.broken.example.org.Certificate.Path=" + config.resolve("missing.crt"));
		properties.add("Kestrel.Endpoints.Many.Sni.broken.example.org.Certificate.KeyPath=" + host.key());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.properties(properties.toArray(new String[0]))
			.run()) {
			int port = HttpsEndpointIntegrationTests.port(context, "Many");
			assertThat(subject(sClient(port, "h99.example.org").output())).isEqualTo("CN=*.example.org");
			assertThat(sClient(port, "broken.example.org").output()).contains("internal error")
				.contains("no peer certificate available");
			assertThat(output).contains(SniMessages.sniCertificatesDeferred("Many", 121))
				.contains("The SNI certificate kestrel.endpoints.Many.sni.broken.example.org.certificate of endpoint "
						+ "Many could not be loaded");
		}
	}

	private static TestCertificate signed(String commonName, String... dnsNames) {
		return TestCertificates.certificate(commonName)
			.dnsNames(dnsNames)
			.signedBy(root)
			.fileName(commonName.replace("*", "star"))
			.build();
	}

	private static CommandResult sClient(int port, String serverName) {
		return TestServers
			.run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", serverName));
	}

	private static String subject(String sClientOutput) {
		int begin = sClientOutput.indexOf("-----BEGIN CERTIFICATE-----");
		assertThat(begin).as(sClientOutput).isNotNegative();
		String pem = sClientOutput.substring(begin,
				sClientOutput.indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----".length());
		try {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
			return certificate.getSubjectX500Principal().getName();
		}
		catch (java.security.cert.CertificateException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
