package dev.kestrel.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kestrel.internal.server.BoundEndpoint;
import dev.kestrel.internal.server.KestrelWebServer;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.testing.TestServers.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What Spring users already rely on keeps working on every endpoint: failure analysis,
 * customizers, {@code server.compression}, forwarded headers, {@code server.netty}, the
 * management port.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringIntegrationIntegrationTests {

	@Test
	void invalidAddressIsReportedByTheFailureAnalyzerWithEndpointKeyAndAction(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Bad.Url=ftp://localhost:21").close());
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Kestrel could not start endpoint 'Bad' (kestrel.endpoints.Bad.url).",
				"Unrecognized scheme in server address 'ftp://localhost:21'. Only 'http://' and 'https://' are supported.",
				"Action:", "Use an http:// or https:// URL.");
	}

	@Test
	void missingUrlAndDuplicateNamesAreReportedByTheFailureAnalyzer(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.NoUrl.Protocols=Http1").close());
		assertThat(output).contains("The endpoint NoUrl is missing the required 'Url' parameter.",
				"Set Kestrel.Endpoints.NoUrl.Url");
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.HTTP.Url=http://127.0.0.1:0")
			.close());
		assertThat(output).containsAnyOf("The endpoint names Http, HTTP differ only in case or punctuation.",
				"The endpoint names HTTP, Http differ only in case or punctuation.");
	}

	@Test
	void unknownKeysFailStartupInsteadOfBeingIgnored(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Http.Urll=http://127.0.0.1:1")
			.close());
		assertThat(output).contains("APPLICATION FAILED TO START").containsIgnoringCase("urll");
	}

	@Test
	void portInUseIsReportedWithTheEndpointRatherThanOnlyThePort(CapturedOutput output) throws Exception {
		try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			assertThatException()
				.isThrownBy(() -> start("Kestrel.Endpoints.Api.Url=http://127.0.0.1:" + taken.getLocalPort()).close());
			assertThat(output).contains("Kestrel could not start endpoint 'Api' (kestrel.endpoints.Api.url).",
					"Failed to bind to address http://127.0.0.1:" + taken.getLocalPort() + ": address already in use.",
					"Stop the process that listens on");
		}
	}

	@Test
	void nettyServerCustomizerBeansApplyToEveryEndpoint() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class,
				CountingCustomizer.class)
			.properties("Kestrel.Endpoints.A.Url=http://127.0.0.1:0", "Kestrel.Endpoints.B.Url=http://127.0.0.1:0")
			.run()) {
			KestrelWebServer server = TestServers.server(context);
			for (BoundEndpoint endpoint : server.getBoundEndpoints()) {
				assertThat(get("http://127.0.0.1:" + endpoint.port() + "/").statusCode()).isEqualTo(200);
			}
			assertThat(context.getBean(CountingCustomizer.class).connections).hasValue(2);
		}
	}

	@Test
	void compressionForwardedHeadersAndNettySettingsApplyToEveryEndpoint() throws Exception {
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.A.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.B.Url=http://[::1]:0", "server.compression.enabled=true",
				"server.compression.min-response-size=1B", "server.compression.mime-types=text/plain",
				"server.forward-headers-strategy=native", "Kestrel.Limits.MaxRequestLineSize=256")) {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (BoundEndpoint endpoint : TestServers.server(context).getBoundEndpoints()) {
				String base = endpoint.displayName();
				HttpResponse<byte[]> text = client.send(
						HttpRequest.newBuilder(URI.create(base + "/text")).header("Accept-Encoding", "gzip").build(),
						HttpResponse.BodyHandlers.ofByteArray());
				assertThat(text.headers().firstValue("Content-Encoding")).hasValue("gzip");
				HttpResponse<String> uri = client.send(HttpRequest.newBuilder(URI.create(base + "/uri"))
					.header("X-Forwarded-Proto", "https")
					.header("X-Forwarded-Host", "example.org")
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(uri.body()).startsWith("https://example.org");
				HttpResponse<String> tooLong = client.send(
						HttpRequest.newBuilder(URI.create(base + "/" + "x".repeat(400))).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(tooLong.statusCode()).isGreaterThanOrEqualTo(400).isNotEqualTo(404);
			}
		}
	}

	@Test
	void managementPortIsAnOrdinarySecondServerNextToTheEndpoints() {
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.App.Url=http://127.0.0.1:0",
				"management.server.port=0", "management.server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=health")) {
			int managementPort = context.getEnvironment().getProperty("local.management.port", Integer.class);
			int appPort = context.getEnvironment().getProperty("local.server.port", Integer.class);
			assertThat(managementPort).isNotEqualTo(appPort);
			assertThat(get("http://127.0.0.1:" + managementPort + "/actuator/health").body()).contains("UP");
			assertThat(get("http://127.0.0.1:" + appPort + "/").body()).isEqualTo("App HTTP/1.1");
			assertThat(context.getEnvironment().getProperty("local.kestrel.App.port", Integer.class))
				.isEqualTo(appPort);
		}
	}

	@Test
	void actuatorEnvListsEveryKestrelKeyIncludingSniAndMasksPasswordsEvenWhenValuesAreShown(@TempDir Path directory)
			throws Exception {
		TestCertificate certificate = TestCertificates.selfSigned("localhost");
		String password = "env-Passw0rd-" + System.nanoTime();
		Path pfx = certificate.writePfx(directory, password);
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.App.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Tls.Url=https://127.0.0.1:0", "Kestrel.Endpoints.Tls.Certificate.Path=" + pfx,
				"Kestrel.Endpoints.Tls.Certificate.Password=" + password,
				"Kestrel.Endpoints.Tls.Sni.a.example.org.Protocols=Http1",
				"Kestrel.Endpoints.Tls.Sni.a.example.org.Certificate.Path=" + pfx,
				"Kestrel.Endpoints.Tls.Sni.a.example.org.Certificate.Password=" + password,
				"management.endpoints.web.exposure.include=env", "management.endpoint.env.show-values=always")) {
			int port = context.getEnvironment().getProperty("local.kestrel.App.port", Integer.class);
			String env = get("http://127.0.0.1:" + port + "/actuator/env").body();
			assertThat(env).contains("Kestrel.Endpoints.Tls.Sni.a.example.org.Protocols")
				.contains("Kestrel.Endpoints.Tls.Sni.a.example.org.Certificate.Password")
				.contains("Kestrel.Endpoints.Tls.Certificate.Password")
				.contains("Kestrel.Endpoints.Tls.Certificate.Path")
				.contains("******")
				.doesNotContain(password);
			String one = get("http://127.0.0.1:" + port
					+ "/actuator/env/Kestrel.Endpoints.Tls.Sni.a.example.org.Certificate.Password")
				.body();
			assertThat(one).contains("******").doesNotContain(password);
		}
	}

	@Test
	void dotnetStyleEnvironmentVariablesConfigureEndpointsInARealProcess() {
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), TestApplication.class.getName(),
				"--spring.main.banner-mode=off");
		builder.environment().put("Kestrel__Endpoints__FromEnv__Url", "http://127.0.0.1:0");
		builder.environment().put("ASPNETCORE_Kestrel__Endpoints__FromEnv__Protocols", "Http1");
		builder.redirectErrorStream(true);
		Process process = null;
		try {
			process = builder.start();
			var reader = new java.io.BufferedReader(
					new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			String url = null;
			long deadline = System.nanoTime() + 60_000_000_000L;
			StringBuilder log = new StringBuilder();
			while (url == null && System.nanoTime() < deadline && (line = reader.readLine()) != null) {
				log.append(line).append('\n');
				int at = line.indexOf("Now listening on: ");
				if (at >= 0) {
					url = line.substring(at + "Now listening on: ".length()).trim();
				}
			}
			assertThat(url).as(log.toString()).startsWith("http://127.0.0.1:");
			assertThat(get(url + "/").body()).isEqualTo("FromEnv HTTP/1.1");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (process != null) {
				process.destroyForcibly();
			}
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).properties(properties).run();
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCustomizer {

		final AtomicInteger connections = new AtomicInteger();

		@Bean
		NettyServerCustomizer countingCustomizer() {
			return (server) -> server
				.doOnChannelInit((observer, channel, address) -> this.connections.incrementAndGet());
		}

	}

}
