package dev.kestrel.internal.hosting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.kestrel.autoconfigure.KestrelAutoConfiguration;
import dev.kestrel.diagnostics.HostingMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.testing.Causes;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers.CommandResult;

import static dev.kestrel.testing.TestServers.curl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code AllowedHosts}, HTTPS redirection and HSTS end to end, with curl (which can send
 * any {@code Host}) and the JDK client.
 */
class HostFilteringRedirectionHstsIntegrationTests {

	@TempDir
	static Path certs;

	static TestCertificate root;

	static TestCertificate server;

	static Path rootPem;

	static List<String> certificate;

	static final AtomicInteger handled = new AtomicInteger();

	@BeforeAll
	static void certificates() {
		root = TestCertificates.ca("Test Root");
		rootPem = root.writeCertificatePem(certs);
		server = TestCertificates.host(root, "app.test", "app.test", "localhost");
		certificate = TestCertificates.pemProperties("Kestrel.Endpoints.Https.Certificate", server, certs);
	}

	private static ReactiveWebApplicationContextRunner runner() {
		return new ReactiveWebApplicationContextRunner(AnnotationConfigReactiveWebServerApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(KestrelAutoConfiguration.class,
					NettyReactiveWebServerAutoConfiguration.class))
			.withUserConfiguration(CountingHandler.class);
	}

	@Test
	@RequiresTools("curl")
	void aHostOutsideAllowedHostsGets400BeforeAnyHandlerRuns() {
		runner()
			.withPropertyValues("AllowedHosts=example.org;*.example.net;[::1];bücher.example",
					"Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				String url = "http://127.0.0.1:" + port(context, "Http") + "/";
				handled.set(0);
				assertThat(status(url, "evil.test")).isEqualTo("400");
				assertThat(curl("-H", "Host: evil.test", url).output()).isEqualTo("Bad Request - Invalid Hostname");
				assertThat(status(url, "example.net")).as("the apex is not a subdomain").isEqualTo("400");
				assertThat(status(url, "127.0.0.1")).isEqualTo("400");
				assertThat(handled).hasValue(0);
				assertThat(status(url, "Example.ORG:8080")).isEqualTo("200");
				assertThat(status(url, "a.b.example.net")).isEqualTo("200");
				assertThat(status(url, "xn--bcher-kva.example")).as("IDN in ASCII form").isEqualTo("200");
				assertThat(status(url, "[0:0:0:0:0:0:0:1]:80")).as("IPv6 compared as an address").isEqualTo("200");
				assertThat(handled).hasValue(4);
			});
	}

	@Test
	@RequiresTools("curl")
	void allowedHostsAppliesToHttp2Too() {
		runner().withPropertyValues("AllowedHosts=example.org", "Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				String url = "http://127.0.0.1:" + port(context, "Http") + "/";
				assertThat(curl("-o", "/dev/null", "-w", "%{http_code} %{http_version}", "--http2-prior-knowledge",
						"-H", "Host: evil.test", url)
					.output()).isEqualTo("400 2");
				assertThat(curl("-o", "/dev/null", "-w", "%{http_code} %{http_version}", "--http2-prior-knowledge",
						"-H", "Host: example.org", url)
					.output()).isEqualTo("200 2");
			});
	}

	@Test
	@RequiresTools("curl")
	void aStarAllowsEveryHostAndEmptyHostsPassByDefault() {
		runner().withPropertyValues("AllowedHosts=*", "Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				String url = "http://127.0.0.1:" + port(context, "Http") + "/";
				assertThat(status(url, "anything.test")).isEqualTo("200");
				assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "--http1.0", "-H", "Host:", url).output())
					.isEqualTo("200");
			});
	}

	@Test
	@RequiresTools("curl")
	void allowEmptyHostsFalseRefusesRequestsWithoutAHost() {
		runner()
			.withPropertyValues("AllowedHosts=*", "AllowEmptyHosts=false",
					"Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				String url = "http://127.0.0.1:" + port(context, "Http") + "/";
				assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "--http1.0", "-H", "Host:", url).output())
					.isEqualTo("400");
				assertThat(status(url, "anything.test")).isEqualTo("200");
			});
	}

	@Test
	@RequiresTools("curl")
	void anEndpointsAllowedHostsReplacesTheTopLevelList() {
		runner()
			.withPropertyValues("AllowedHosts=example.org", "Kestrel.Endpoints.Public.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Internal.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Internal.AllowedHosts=internal.local;localhost")
			.run((context) -> {
				String publicUrl = "http://127.0.0.1:" + port(context, "Public") + "/";
				String internalUrl = "http://127.0.0.1:" + port(context, "Internal") + "/";
				assertThat(status(publicUrl, "example.org")).isEqualTo("200");
				assertThat(status(publicUrl, "internal.local")).isEqualTo("400");
				assertThat(status(internalUrl, "internal.local")).isEqualTo("200");
				assertThat(status(internalUrl, "example.org")).isEqualTo("400");
			});
	}

	@Test
	void anInvalidAllowedHostsEntryFailsStartupNamingTheKey() {
		runner()
			.withPropertyValues("AllowedHosts=example.org;http://x/", "Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				KestrelConfigurationException failure = Causes.find(context.getStartupFailure(),
						KestrelConfigurationException.class);
				assertThat(failure.getConfigurationKey()).isEqualTo("AllowedHosts");
				assertThat(failure.getProblem())
					.isEqualTo(HostingMessages.invalidAllowedHost("AllowedHosts", "http://x/"));
			});
	}

	@Test
	void httpsRedirectionSends307ToTheOneHttpsEndpointKeepingPathAndQuery() throws Exception {
		List<String> properties = new ArrayList<>(certificate);
		properties.addAll(List.of("kestrel.https-redirection.enabled=true",
				"Kestrel.Endpoints.Http.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Https.Url=https://127.0.0.1:0"));
		runner().withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			int http = port(context, "Http");
			int https = port(context, "Https");
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/a/b?q=1&r=%20")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(307);
			assertThat(response.headers().firstValue("Location"))
				.hasValue("https://127.0.0.1:" + https + "/a/b?q=1&r=%20");
			HttpResponse<String> followed = dev.kestrel.testing.TlsClients.get(HttpClient.newBuilder()
				.sslContext(dev.kestrel.testing.TlsClients.sslContext(root.certificate(), null))
				.followRedirects(HttpClient.Redirect.ALWAYS)
				.build(), "http://localhost:" + http + "/");
			assertThat(followed.body()).isEqualTo("Https HTTP/2.0");
		});
	}

	@Test
	void httpsRedirectionUses308AndTheConfiguredPortAndLeaves443OutOfTheUrl() throws Exception {
		runner()
			.withPropertyValues("kestrel.https-redirection.enabled=true", "kestrel.https-redirection.status-code=308",
					"kestrel.https-redirection.https-port=443", "Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(context, "Http") + "/x?y"))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(308);
				assertThat(response.headers().firstValue("Location")).hasValue("https://localhost/x?y");
			});
	}

	@Test
	void withoutAnHttpsEndpointOrPortNothingIsRedirected() throws Exception {
		runner()
			.withPropertyValues("kestrel.https-redirection.enabled=true",
					"Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context, "Http") + "/")).build(),
							HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
			});
	}

	@Test
	void aRedirectStatusOtherThan301To308FailsStartup() {
		runner()
			.withPropertyValues("kestrel.https-redirection.status-code=303",
					"Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> assertThat(
					Causes.find(context.getStartupFailure(), KestrelConfigurationException.class).getProblem())
				.isEqualTo(HostingMessages.invalidRedirectStatusCode(303)));
	}

	@Test
	@RequiresTools("curl")
	void hstsIsSentOnHttpsResponsesButNeverForLocalhost() {
		List<String> properties = new ArrayList<>(certificate);
		properties.addAll(List.of("kestrel.hsts.enabled=true", "kestrel.hsts.max-age=365d",
				"kestrel.hsts.include-sub-domains=true", "kestrel.hsts.preload=true",
				"Kestrel.Endpoints.Http.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Https.Url=https://127.0.0.1:0"));
		runner().withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			int https = port(context, "Https");
			Path ca = rootPem;
			CommandResult app = curl("-s", "-D", "-", "-o", "/dev/null", "--cacert", ca.toString(), "--resolve",
					"app.test:" + https + ":127.0.0.1", "https://app.test:" + https + "/");
			assertThat(app.output())
				.containsIgnoringCase("strict-transport-security: max-age=31536000; includeSubDomains; preload");
			CommandResult localhost = curl("-s", "-D", "-", "-o", "/dev/null", "--cacert", ca.toString(), "--resolve",
					"localhost:" + https + ":127.0.0.1", "https://localhost:" + https + "/");
			assertThat(localhost.output()).startsWith("HTTP/2 200")
				.doesNotContainIgnoringCase("strict-transport-security");
			CommandResult cleartext = curl("-s", "-D", "-", "-o", "/dev/null", "-H", "Host: app.test",
					"http://127.0.0.1:" + port(context, "Http") + "/");
			assertThat(cleartext.output()).doesNotContainIgnoringCase("strict-transport-security");
		});
	}

	private static String status(String url, String host) {
		return curl("-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: " + host, url).output();
	}

	private static int port(
			org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext context,
			String endpoint) {
		assertThat(context.getStartupFailure()).isNull();
		return context.getEnvironment().getRequiredProperty("local.kestrel." + endpoint + ".port", Integer.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingHandler {

		@Bean
		HttpHandler httpHandler() {
			return RouterFunctions.toHttpHandler(RouterFunctions.route().GET("/**", (request) -> {
				handled.incrementAndGet();
				return ServerResponse.ok()
					.bodyValue(dev.kestrel.connections.KestrelRequests.endpointName(request.exchange().getRequest())
						.orElse("?") + " "
							+ dev.kestrel.connections.KestrelRequests.protocol(request.exchange().getRequest())
								.orElse("?"));
			}).build());
		}

	}

}
