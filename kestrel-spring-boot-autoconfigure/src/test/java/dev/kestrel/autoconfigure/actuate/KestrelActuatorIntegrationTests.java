package dev.kestrel.autoconfigure.actuate;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyFormat;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.testing.TestServers.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kestrel} Actuator endpoint and health contributor, read over HTTP from a
 * running application.
 */
class KestrelActuatorIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void kestrelEndpointShowsEveryEndpointWithBindingsTlsLimitsAndCertificatesButNoSecretAnywhere() throws Exception {
		TestCertificate main = TestCertificates.host(TestCertificates.ca("Test CA"), "main.example.org",
				"main.example.org", "localhost");
		TestCertificate sni = TestCertificates.selfSigned("sni.example.org");
		String pfxPassword = "Pfx-Secret-" + System.nanoTime();
		String keyPassword = "Key-Secret-" + System.nanoTime();
		Path pfx = main.writePfx(this.directory, pfxPassword);
		Path sniCertificate = sni.writeCertificatePem(this.directory);
		Path sniKey = sni.writeKeyPem(this.directory, KeyFormat.PKCS8_AES, keyPassword);
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Web.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Secure.Url=https://127.0.0.1:0", "Kestrel.Endpoints.Secure.Certificate.Path=" + pfx,
				"Kestrel.Endpoints.Secure.Certificate.Password=" + pfxPassword,
				"Kestrel.Endpoints.Secure.SslProtocols[0]=Tls13",
				"Kestrel.Endpoints.Secure.ClientCertificateMode=AllowCertificate",
				"Kestrel.Endpoints.Secure.Limits.MaxConcurrentConnections=50",
				"Kestrel.Endpoints.Secure.Sni.sni.example.org.Protocols=Http1",
				"Kestrel.Endpoints.Secure.Sni.sni.example.org.Certificate.Path=" + sniCertificate,
				"Kestrel.Endpoints.Secure.Sni.sni.example.org.Certificate.KeyPath=" + sniKey,
				"Kestrel.Endpoints.Secure.Sni.sni.example.org.Certificate.Password=" + keyPassword,
				"management.endpoints.web.exposure.include=kestrel,health,env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"management.endpoint.health.show-details=always")) {
			int web = context.getEnvironment().getProperty("local.kestrel.Web.port", Integer.class);
			int secure = context.getEnvironment().getProperty("local.kestrel.Secure.port", Integer.class);
			HttpResponse<String> response = get("http://127.0.0.1:" + web + "/actuator/kestrel");
			assertThat(response.statusCode()).isEqualTo(200);
			DocumentContext json = JsonPath.parse(response.body());
			List<String> names = json.read("$.endpoints[*].name");
			assertThat(names).containsExactlyInAnyOrder("Web", "Secure");
			String w = "$.endpoints[" + names.indexOf("Web") + "]";
			String s = "$.endpoints[" + names.indexOf("Secure") + "]";
			assertThat(json.<String>read(w + ".source")).isEqualTo("configuration");
			assertThat(json.<String>read(w + ".url")).isEqualTo("http://127.0.0.1:0");
			assertThat(json.<String>read(w + ".boundUrl")).isEqualTo("http://127.0.0.1:" + web);
			assertThat(json.<Boolean>read(w + ".bound")).isTrue();
			assertThat(json.<List<String>>read(w + ".addresses")).singleElement().asString().endsWith(":" + web);
			assertThat(json.<String>read(w + ".protocols")).isEqualTo("Http1AndHttp2");
			assertThat(json.<Map<String, Object>>read(w)).doesNotContainKey("tls");
			assertThat(json.<Integer>read(w + ".limits.MaxRequestLineSize")).isEqualTo(8192);
			assertThat(json.<String>read(w + ".limits.MaxConcurrentConnections")).isEqualTo("unlimited");
			assertThat(json.<String>read(s + ".boundUrl")).isEqualTo("https://127.0.0.1:" + secure);
			assertThat(json.<Integer>read(s + ".limits.MaxConcurrentConnections")).isEqualTo(50);
			assertThat(json.<String>read(s + ".tls.engine")).matches("OpenSSL|BoringSSL|JDK");
			assertThat(json.<List<String>>read(s + ".tls.sslProtocols")).containsExactly("Tls13");
			assertThat(json.<String>read(s + ".tls.clientCertificateMode")).isEqualTo("AllowCertificate");
			Map<String, Object> certificate = json.read(s + ".tls.certificate");
			CertificateDescriptor expected = CertificateDescriptor.of(main.certificate());
			assertThat(certificate).containsEntry("subject", "CN=main.example.org")
				.containsEntry("issuer", "CN=Test CA")
				.containsEntry("serialNumber", main.certificate().getSerialNumber().toString(16).toUpperCase())
				.containsEntry("thumbprintSha256", expected.thumbprintSha256())
				.containsEntry("notAfter", main.certificate().getNotAfter().toInstant().toString());
			assertThat(expected.thumbprintSha256()).hasSize(64);
			assertThat(json.<List<String>>read(s + ".tls.certificate.subjectAlternativeNames"))
				.containsExactly("DNS:main.example.org", "DNS:localhost");
			assertThat(json.<String>read(s + ".tls.sni[0].host")).isEqualTo("sni.example.org");
			assertThat(json.<String>read(s + ".tls.sni[0].protocols")).isEqualTo("Http1");
			assertThat(json.<String>read(s + ".tls.sni[0].certificate.subject")).isEqualTo("CN=sni.example.org");

			List<String> secrets = new ArrayList<>(List.of(pfxPassword, keyPassword,
					base64(main.privateKey().getEncoded()), base64(sni.privateKey().getEncoded())));
			for (Path file : List.of(pfx, sniKey)) {
				secrets.add(base64(Files.readAllBytes(file)).substring(0, 40));
			}
			secrets.add(Files.readString(sniKey).lines().skip(1).findFirst().orElseThrow());
			for (String page : List.of("kestrel", "health", "env", "configprops")) {
				String body = get("http://127.0.0.1:" + web + "/actuator/" + page).body();
				assertThat(body).as(page).isNotBlank().doesNotContain("PRIVATE KEY");
				for (String secret : secrets) {
					assertThat(body).as(page).doesNotContain(secret);
				}
			}
		}
	}

	@Test
	void healthListsACertificateExpiringInThreeDaysWithTheConfiguredStatusAndIsDownOnceEndpointsAreUnbound() {
		TestCertificate expiring = TestCertificates.certificate("expiring.example.org")
			.validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3)))
			.build();
		List<String> https = new ArrayList<>(List.of("Kestrel.Endpoints.Web.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Secure.Url=https://127.0.0.1:0", "management.server.port=0",
				"management.server.address=127.0.0.1", "management.endpoint.health.show-details=always"));
		https.addAll(TestCertificates.pemProperties("Kestrel.Endpoints.Secure.Certificate", expiring, this.directory));

		try (ConfigurableApplicationContext context = start(https)) {
			HttpResponse<String> health = kestrelHealth(context);
			assertThat(health.statusCode()).isEqualTo(200);
			DocumentContext json = JsonPath.parse(health.body());
			assertThat(json.<String>read("$.status")).isEqualTo("UP");
			assertThat(json.<String>read("$.details.expiringCertificates[0].endpoint")).isEqualTo("Secure");
			assertThat(json.<String>read("$.details.expiringCertificates[0].subject"))
				.isEqualTo("CN=expiring.example.org");
			assertThat(json.<String>read("$.details.expiringCertificates[0].notAfter"))
				.isEqualTo(expiring.certificate().getNotAfter().toInstant().toString());

			TestServers.server(context).stop();
			HttpResponse<String> down = kestrelHealth(context);
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(JsonPath.parse(down.body()).<String>read("$.status")).isEqualTo("DOWN");
			assertThat(JsonPath.parse(down.body()).<List<String>>read("$.details.unbound"))
				.containsExactlyInAnyOrder("Web", "Secure");
		}

		List<String> outOfService = new ArrayList<>(https);
		outOfService.add("kestrel.health.certificate-expiry-status=OUT_OF_SERVICE");
		try (ConfigurableApplicationContext context = start(outOfService)) {
			HttpResponse<String> health = kestrelHealth(context);
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(JsonPath.parse(health.body()).<String>read("$.status")).isEqualTo("OUT_OF_SERVICE");
		}

		List<String> shortThreshold = new ArrayList<>(https);
		shortThreshold.add("kestrel.health.certificate-expiry-threshold=2d");
		try (ConfigurableApplicationContext context = start(shortThreshold)) {
			HttpResponse<String> health = kestrelHealth(context);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).doesNotContain("expiringCertificates");
		}
	}

	private static HttpResponse<String> kestrelHealth(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getProperty("local.management.port", Integer.class);
		return get("http://127.0.0.1:" + port + "/actuator/health/kestrel");
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return start(List.of(properties));
	}

	private static ConfigurableApplicationContext start(List<String> properties) {
		return new SpringApplicationBuilder(TestApplication.class).properties(properties.toArray(String[]::new)).run();
	}

}
