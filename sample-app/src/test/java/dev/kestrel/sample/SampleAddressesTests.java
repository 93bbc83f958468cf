package dev.kestrel.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.kestrel.internal.tls.store.CertificateStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample writes addresses as users read them: {@code [::1]:5001}, not
 * {@code 0:0:0:0:0:0:0:1:5001}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "Kestrel.Endpoints.Http.Url=http://[::1]:0", "Kestrel.Endpoints.Internal.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Socket.Url=http://unix:${java.io.tmpdir}/kestrel-sample-addresses.sock" })
class SampleAddressesTests {

	static {
		try {
			System.setProperty(CertificateStore.CURRENT_USER_PROPERTY,
					Files.createTempDirectory("kestrel-sample-stores").toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Value("${local.kestrel.Http.port}")
	int v6Port;

	@Value("${local.kestrel.Internal.port}")
	int v4Port;

	@Test
	void theAnswerWritesTheLocalAddressAsUsersReadIt() throws Exception {
		assertThat(get("http://[::1]:" + this.v6Port + "/")).contains("\"localAddress\":\"[::1]:" + this.v6Port + "\"");
		assertThat(get("http://127.0.0.1:" + this.v4Port + "/"))
			.contains("\"localAddress\":\"127.0.0.1:" + this.v4Port + "\"");
	}

	private static String get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
