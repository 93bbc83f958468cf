package dev.kestrel.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.testing.RequiresTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's own configuration (application.yml) with random ports, a temporary
 * certificate store and a temporary socket path: every endpoint answers with its name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "Kestrel.Endpoints.Socket.Url=http://unix:${java.io.tmpdir}/kestrel-sample-test.sock")
@AutoConfigureWebTestClient
class SampleApplicationTests {

	static final Path STORES;

	static {
		try {
			STORES = Files.createTempDirectory("kestrel-sample-stores");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		System.setProperty(CertificateStore.CURRENT_USER_PROPERTY, STORES.toString());
	}

	@Autowired
	WebTestClient client;

	@Value("${local.kestrel.Https.port}")
	int httpsPort;

	@Value("${local.kestrel.Internal.port}")
	int internalPort;

	@Test
	void everyTcpEndpointAnswersWithItsName() throws Exception {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.endpoint")
			.isEqualTo("Http")
			.jsonPath("$.scheme")
			.isEqualTo("http");
		X509Certificate development = DevelopmentCertificates
			.findValid(CertificateStore.open(STORES, CertificateStore.MY), java.time.Clock.systemUTC())
			.get(0)
			.certificate();
		HttpClient https = HttpClient.newBuilder().sslContext(trusting(development)).build();
		HttpResponse<String> secure = https.send(
				HttpRequest.newBuilder(URI.create("https://localhost:" + this.httpsPort + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(secure.body()).contains("\"endpoint\":\"Https\"", "\"scheme\":\"https\"",
				"\"protocol\":\"HTTP/2.0\"");
		HttpResponse<String> internal = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.internalPort + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(internal.body()).contains("\"endpoint\":\"Internal\"", "\"protocol\":\"HTTP/1.1\"");
	}

	@Test
	@RequiresTools("curl")
	void unixSocketEndpointAnswersCurlWithItsName() throws Exception {
		Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", "--unix-socket",
				System.getProperty("java.io.tmpdir") + "/kestrel-sample-test.sock", "http://localhost/")
			.redirectErrorStream(true)
			.start();
		assertThat(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.contains("\"endpoint\":\"Socket\"");
	}

	private static SSLContext trusting(X509Certificate certificate) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("development", certificate);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

}
