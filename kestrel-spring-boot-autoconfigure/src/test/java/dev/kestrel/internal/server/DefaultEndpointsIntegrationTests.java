package dev.kestrel.internal.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.testing.TlsClients.client;
import static dev.kestrel.testing.TlsClients.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The default binding as Kestrel's page describes it, on its real ports: with nothing
 * configured and a development certificate, {@code http://localhost:5000} and
 * {@code https://localhost:5001}. Skipped (not failed) when another process holds those
 * ports, as a developer's running sample app would.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultEndpointsIntegrationTests {

	@TempDir
	Path stores;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void useATemporaryCertificateStore() {
		assumeTrue(free(5000) && free(5001), "ports 5000 and 5001 are in use");
		System.setProperty(CertificateStore.CURRENT_USER_PROPERTY, this.stores.toString());
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		System.clearProperty(CertificateStore.CURRENT_USER_PROPERTY);
	}

	@Test
	void withNothingConfiguredAndADevelopmentCertificateLocalhost5000And5001AnswerAndTheLogSaysHowToTrust(
			CapturedOutput output) throws Exception {
		this.context = start("kestrel.development-certificate.auto-create=true");
		assertThat(TestServers.get("http://localhost:5000/").body()).isEqualTo("default HTTP/1.1");
		X509Certificate development = DevelopmentCertificates
			.findValid(CertificateStore.open(this.stores, CertificateStore.MY), Clock.systemUTC())
			.get(0)
			.certificate();
		HttpResponse<String> https = get(client(development, HttpClient.Version.HTTP_2), "https://localhost:5001/");
		assertThat(https.body()).isEqualTo("default-https HTTP/2.0");
		assertThat(output).contains("Now listening on: http://localhost:5000",
				"Now listening on: https://localhost:5001", "the development certificate CN=localhost",
				"java -jar kestrel-dev-certs.jar https --trust", "kestrel.default-https=false");
	}

	@Test
	void defaultHttpsFalseLeavesPort5001Closed(CapturedOutput output) {
		this.context = start("kestrel.development-certificate.auto-create=true", "kestrel.default-https=false");
		assertThat(TestServers.get("http://localhost:5000/").body()).isEqualTo("default HTTP/1.1");
		assertThat(free(5001)).isTrue();
		assertThat(output).doesNotContain("https://localhost:5001");
	}

	@Test
	void withoutADevelopmentCertificateOnlyPort5000IsBound(CapturedOutput output) {
		this.context = start();
		assertThat(TestServers.get("http://localhost:5000/").body()).isEqualTo("default HTTP/1.1");
		assertThat(free(5001)).isTrue();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).properties(properties).run();
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
