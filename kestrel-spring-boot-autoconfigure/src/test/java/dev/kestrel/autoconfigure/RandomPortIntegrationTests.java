package dev.kestrel.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.kestrel.testing.TestApplication;

import static dev.kestrel.testing.TestServers.get;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "Kestrel.Endpoints.Main.Url=http://127.0.0.1:5999",
				"Kestrel.Endpoints.Second.Url=http://localhost:5998" })
@AutoConfigureWebTestClient
class RandomPortIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${local.kestrel.Second.port}")
	int secondPort;

	@Autowired
	WebTestClient client;

	@Test
	void randomPortTestsGetDynamicPortsInsteadOfTheConfiguredOnes() {
		assertThat(this.port).isNotEqualTo(5999).isPositive();
		assertThat(this.secondPort).isNotEqualTo(5998).isNotEqualTo(this.port).isPositive();
		this.client.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("Main HTTP/1.1");
		assertThat(get("http://127.0.0.1:" + this.secondPort + "/").body()).isEqualTo("Second HTTP/1.1");
	}

}
