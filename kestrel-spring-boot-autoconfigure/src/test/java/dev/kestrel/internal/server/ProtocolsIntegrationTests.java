package dev.kestrel.internal.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.Http3SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.ProtocolMessages;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TestServers.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Protocols per endpoint with Kestrel's rules, proven with curl, openssl s_client,
 * nghttp, h2load and Reactor Netty's HTTP/3 client.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProtocolsIntegrationTests {

	private static final String PASSWORD = "pr0tocols";

	@TempDir
	static Path certs;

	static TestCertificate server;

	static Path serverPfx;

	static Path serverPem;

	@BeforeAll
	static void createCertificate() {
		// RSA: the TLS 1.1 and CBC suites the tests below need exist for RSA keys in
		// Netty's default cipher list
		server = TestCertificates.certificate("localhost")
			.rsa()
			.dnsNames("localhost")
			.ipAddresses("127.0.0.1", "::1")
			.fileName("protocols")
			.build();
		serverPfx = server.writePfx(certs, PASSWORD);
		serverPem = server.writeCertificatePem(certs);
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void alpnOffersH2ThenHttp11AsConfigured() {
		try (ConfigurableApplicationContext context = start(tls("Both", "Http1AndHttp2"), tls("H1", "Http1"))) {
			assertThat(sClient(port(context, "Both"), "-alpn", "h2,http/1.1").output()).contains("ALPN protocol: h2");
			assertThat(sClient(port(context, "Both"), "-alpn", "http/1.1").output())
				.contains("ALPN protocol: http/1.1");
			assertThat(curl(context, "H1", "--http2").output()).isEqualTo("H1 HTTP/1.1");
			assertThat(sClient(port(context, "H1"), "-alpn", "h2").output()).contains("No ALPN negotiated");
		}
	}

	@Test
	@RequiresTools({ "curl", "h2load" })
	void http2OnlyTlsEndpointClosesClientsThatDoNotNegotiateH2(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(tls("H2", "Http2"))) {
			assertThat(curl(context, "H2", "--http2").output()).isEqualTo("H2 HTTP/2.0");
			CommandResult http1 = curl(context, "H2", "--http1.1");
			assertThat(http1.exitCode()).isNotZero();
			assertThat(output).contains(ProtocolMessages.http2NotNegotiated("H2"));
			CommandResult h2load = TestServers.run(List.of("h2load", "-n", "40", "-c", "2", "-m", "4",
					"https://127.0.0.1:" + port(context, "H2") + "/"));
			assertThat(h2load.output()).contains("40 succeeded");
		}
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void http2BelowTls12GetsInadequateSecurity() {
		try (ConfigurableApplicationContext context = start(tls("Old", "Http1AndHttp2"),
				"Kestrel.Endpoints.Old.SslProtocols[0]=Tls11", "Kestrel.Endpoints.Old.SslProtocols[1]=Tls12")) {
			// s_client prints what the server sends: the GOAWAY's debug data carries the
			// reason
			CommandResult result = sClient(port(context, "Old"), "-alpn", "h2", "-tls1_1", "-cipher",
					"DEFAULT@SECLEVEL=0", "-ign_eof");
			assertThat(result.output()).contains("ALPN protocol: h2")
				.contains(ProtocolMessages.http2MinimumTlsVersion("TLSv1.1"));
			assertThat(curl(context, "Old", "--http1.1", "--tlsv1.1", "--tls-max", "1.1", "--ciphers",
					"DEFAULT@SECLEVEL=0")
				.output()).as("HTTP/1.1 is fine over TLS 1.1").isEqualTo("Old HTTP/1.1");
		}
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void http2WithAForbiddenCipherSuiteGetsInadequateSecurity() {
		// CBC suites are offered only where SslProtocols opens TLS 1.1 (hardened
		// defaults)
		try (ConfigurableApplicationContext context = start(tls("Cbc", "Http1AndHttp2"),
				"Kestrel.Endpoints.Cbc.SslProtocols[0]=Tls11", "Kestrel.Endpoints.Cbc.SslProtocols[1]=Tls12")) {
			// s_client prints what the server sends: the GOAWAY's debug data carries the
			// reason
			CommandResult result = sClient(port(context, "Cbc"), "-alpn", "h2", "-tls1_2", "-cipher",
					"ECDHE-RSA-AES128-SHA", "-ign_eof");
			assertThat(result.output()).contains("ALPN protocol: h2", "ECDHE-RSA-AES128-SHA")
				.contains(ProtocolMessages.http2InadequateCipher("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
			assertThat(curl(context, "Cbc", "--http2", "--tls-max", "1.2", "--ciphers", "ECDHE-RSA-AES128-GCM-SHA256")
				.output()).as("an AEAD suite is fine").isEqualTo("Cbc HTTP/2.0");
		}
	}

	@Test
	void http2WithOnlyTlsVersionsBelow12FailsStartup(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start(tls("Bad", "Http2"), "Kestrel.Endpoints.Bad.SslProtocols[0]=Tls11").close());
		assertThat(output).contains(ProtocolMessages.http2RequiresTls12("Bad").description(),
				"kestrel.endpoints.Bad.protocols");
	}

	@Test
	@RequiresTools({ "curl", "nghttp", "h2load" })
	void cleartextHttp2OnlyEndpointAnswersHttp1WithKestrelsBadRequest() {
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.H2c.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.H2c.Protocols=Http2")) {
			String url = "http://127.0.0.1:" + port(context, "H2c") + "/";
			assertThat(TestServers.curl("--http2-prior-knowledge", url).output()).isEqualTo("H2c HTTP/2.0");
			CommandResult http1 = TestServers.curl("-i", "--http1.1", url);
			assertThat(http1.output()).startsWith("HTTP/1.1 400 Bad Request")
				.contains("Connection: close")
				.endsWith(ProtocolMessages.http1RequestOnHttp2OnlyEndpoint());
			assertThat(TestServers.run(List.of("nghttp", "-v", url)).output()).contains("H2c HTTP/2.0");
			assertThat(TestServers.run(List.of("h2load", "-n", "40", "-c", "2", url)).output())
				.contains("40 succeeded");
		}
	}

	@Test
	@RequiresTools("curl")
	void cleartextHttp1AndHttp2CanBeRestrictedToKestrelsHttp1Only(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class,
				KestrelCleartext.class)
			.properties("Kestrel.Endpoints.Mixed.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Mixed.Protocols=Http1AndHttp2")
			.run()) {
			String url = "http://127.0.0.1:" + port(context, "Mixed") + "/";
			assertThat(TestServers.curl("--http2", url).output()).isEqualTo("Mixed HTTP/1.1");
			assertThat(TestServers.curl("--http2-prior-knowledge", url).exitCode()).isNotZero();
			assertThat(output).contains(ProtocolMessages.http2NotEnabledOnCleartext("Mixed"));
		}
	}

	@Test
	@RequiresTools("curl")
	void cleartextHttp2PropertyGivesKestrelsHttp1OnlyBehaviourWithoutCode(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("kestrel.cleartext-http2=false",
				"Kestrel.Endpoints.Mixed.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Mixed.Protocols=Http1AndHttp2",
				"Kestrel.Endpoints.Implicit.Url=http://127.0.0.1:0")) {
			for (String name : List.of("Mixed", "Implicit")) {
				String url = "http://127.0.0.1:" + port(context, name) + "/";
				assertThat(TestServers.curl(url).output()).isEqualTo(name + " HTTP/1.1");
				assertThat(TestServers.curl("--http2", url).output()).as("no Upgrade: h2c")
					.isEqualTo(name + " HTTP/1.1");
				assertThat(TestServers.curl("--http2-prior-knowledge", url).exitCode()).isNotZero();
			}
			assertThat(output).contains(ProtocolMessages.http2NotEnabledOnCleartext("Mixed"))
				.as("Kestrel warns only when Protocols was set")
				.doesNotContain(ProtocolMessages.http2NotEnabledOnCleartext("Implicit"));
		}
	}

	@Test
	@RequiresTools("curl")
	void http2OnlyEndpointServesHttp1ToAnSniHostThatAllowsIt(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(tls("H2", "Http2"),
				"Kestrel.Endpoints.H2.Sni.legacy.example.org.Protocols=Http1AndHttp2",
				"Kestrel.Endpoints.H2.Sni.*.Protocols=Http2")) {
			int port = port(context, "H2");
			assertThat(curlHost(port, "legacy.example.org", "--http1.1").output()).isEqualTo("H2 HTTP/1.1");
			assertThat(curlHost(port, "legacy.example.org", "--http2").output()).isEqualTo("H2 HTTP/2.0");
			assertThat(curlHost(port, "other.example.org", "--http1.1").exitCode()).isNotZero();
			assertThat(curlHost(port, "other.example.org", "--http2").output()).isEqualTo("H2 HTTP/2.0");
			assertThat(output).contains(ProtocolMessages.http2NotNegotiated("H2"));
		}
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void http1EndpointWithAnHttp2OnlySniHostStillEnforcesHttp2OverTlsRules() {
		try (ConfigurableApplicationContext context = start(tls("H1", "Http1"),
				"Kestrel.Endpoints.H1.SslProtocols[0]=Tls11", "Kestrel.Endpoints.H1.SslProtocols[1]=Tls12",
				"Kestrel.Endpoints.H1.Sni.modern.example.org.Protocols=Http2",
				"Kestrel.Endpoints.H1.Sni.*.Protocols=Http1")) {
			int port = port(context, "H1");
			assertThat(curlHost(port, "modern.example.org", "--http2").output()).isEqualTo("H1 HTTP/2.0");
			CommandResult tls11 = TestServers
				.run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername",
						"modern.example.org", "-alpn", "h2", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-ign_eof"));
			assertThat(tls11.output()).contains("ALPN protocol: h2")
				.contains(ProtocolMessages.http2MinimumTlsVersion("TLSv1.1"));
			assertThat(curlHost(port, "other.example.org", "--http2").output()).isEqualTo("H1 HTTP/1.1");
		}
	}

	@Test
	void http3WithoutTls13FailsStartupNamingTheKey(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start(tls("Old", "Http1AndHttp2AndHttp3"), "Kestrel.Endpoints.Old.SslProtocols[0]=Tls12")
				.close());
		assertThat(output).contains(ProtocolMessages.http3RequiresTls13("Old").description(),
				"kestrel.endpoints.Old.ssl-protocols");
	}

	@Test
	void http3WithAnOnAuthenticateCallbackFailsStartupAsKestrelRefusesIt(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> new SpringApplicationBuilder(TestApplication.class, OnAuthenticateHttp3.class).run().close());
		assertThat(output).contains(ProtocolMessages.http3OnAuthenticateNotSupported("Callback").description());
	}

	@Test
	@RequiresTools("curl")
	void http3ListensOnUdpOnTheTcpPortAndIsAdvertisedWithAltSvc(CapturedOutput output) {
		int port = TestServers.freePort();
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.All.Url=https://127.0.0.1:" + port,
				"Kestrel.Endpoints.All.Protocols=Http1AndHttp2AndHttp3",
				"Kestrel.Endpoints.All.Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints.All.Certificate.Password=" + PASSWORD)) {
			assertThat(http3Get(port)).isEqualTo("All HTTP/3.0");
			CommandResult tcp = curlPort(port, "-i", "--http2");
			assertThat(tcp.output()).containsIgnoringCase("alt-svc: h3=\":" + port + "\"; ma=86400")
				.endsWith("All HTTP/2.0");
			assertThat(output).contains("Now listening on: https://127.0.0.1:" + port + "\n",
					ProtocolMessages.nowListeningOnQuic("https://127.0.0.1:" + port));
		}
	}

	@Test
	void http3OnlyEndpointMayUseADynamicPort() {
		try (ConfigurableApplicationContext context = start(tls("H3", "Http3"))) {
			BoundEndpoint endpoint = TestServers.server(context).getBoundEndpoints().get(0);
			assertThat(endpoint.addresses()).isEmpty();
			assertThat(endpoint.quicAddresses()).hasSize(1);
			assertThat(http3Get(endpoint.port())).isEqualTo("H3 HTTP/3.0");
		}
	}

	@Test
	@RequiresTools("curl")
	void http3WithADynamicPortNextToTcpIsNotEnabled(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(tls("Both", "Http1AndHttp2AndHttp3"))) {
			BoundEndpoint endpoint = TestServers.server(context).getBoundEndpoints().get(0);
			assertThat(endpoint.isHttp3()).isFalse();
			assertThat(curl(context, "Both", "-i").output()).doesNotContainIgnoringCase("alt-svc");
			assertThat(output).contains(ProtocolMessages.dynamicPortOnMultipleTransports("Both"));
		}
	}

	@Test
	void http3RequiresHttps(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> start("Kestrel.Endpoints.Plain.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Plain.Protocols=Http3")
					.close());
		assertThat(output).contains(ProtocolMessages.http3RequiresHttps("Plain").description());
	}

	@Test
	void unknownOrEmptyProtocolsFailStartup(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> start("Kestrel.Endpoints.Bad.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Bad.Protocols=Http4")
					.close());
		assertThat(output).contains(ConfigurationMessages.invalidProtocols("Http4").description(),
				"kestrel.endpoints.Bad.protocols");
	}

	private static String http3Get(int port) {
		HttpClient client = HttpClient.create()
			.protocol(HttpProtocol.HTTP3)
			.secure((spec) -> spec.sslContext(
					Http3SslContextSpec.forClient().configure((builder) -> builder.trustManager(server.certificate()))))
			.http3Settings((settings) -> settings.maxData(10_000_000)
				.maxStreamDataBidirectionalLocal(1_000_000)
				.maxStreamDataBidirectionalRemote(1_000_000)
				.maxStreamsBidirectional(100)
				.idleTimeout(Duration.ofSeconds(5)));
		return client.get()
			.uri("https://localhost:" + port + "/")
			.responseContent()
			.aggregate()
			.asString()
			.block(Duration.ofSeconds(20));
	}

	private static String[] tls(String name, String protocols) {
		return new String[] { "Kestrel.Endpoints." + name + ".Url=https://127.0.0.1:0",
				"Kestrel.Endpoints." + name + ".Protocols=" + protocols,
				"Kestrel.Endpoints." + name + ".Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints." + name + ".Certificate.Password=" + PASSWORD };
	}

	private static ConfigurableApplicationContext start(String[] first, String... more) {
		List<String> properties = new ArrayList<>(List.of(first));
		properties.addAll(List.of(more));
		return start(properties.toArray(new String[0]));
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).properties(properties).run();
	}

	private static int port(ConfigurableApplicationContext context, String name) {
		return MultiEndpointServerIntegrationTests.port(TestServers.server(context), name);
	}

	private static CommandResult curl(ConfigurableApplicationContext context, String name, String... args) {
		return curlPort(port(context, name), args);
	}

	private static CommandResult curlPort(int port, String... args) {
		List<String> command = new ArrayList<>(
				List.of("--cacert", serverPem.toString(), "--resolve", "localhost:" + port + ":127.0.0.1"));
		command.addAll(List.of(args));
		command.add("https://localhost:" + port + "/");
		return TestServers.curl(command.toArray(new String[0]));
	}

	private static CommandResult curlHost(int port, String host, String... args) {
		List<String> command = new ArrayList<>(List.of("-k", "--resolve", host + ":" + port + ":127.0.0.1"));
		command.addAll(List.of(args));
		command.add("https://" + host + ":" + port + "/");
		return TestServers.curl(command.toArray(new String[0]));
	}

	private static CommandResult sClient(int port, String... args) {
		List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
				"-servername", "localhost", "-CAfile", serverPem.toString()));
		command.addAll(List.of(args));
		return TestServers.run(command);
	}

	@Configuration(proxyBeanMethods = false)
	static class OnAuthenticateHttp3 {

		@Bean
		KestrelServerOptionsCustomizer onAuthenticateOnHttp3() {
			return (options) -> options
				.listen(java.net.InetAddress.getLoopbackAddress(), 0, (listen) -> listen.name("Callback")
					.protocols(HttpProtocols.HTTP3)
					.useHttps(server.toServerCertificate(), (https) -> https.onAuthenticate((connection, engine) -> {
					})));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class KestrelCleartext {

		@Bean
		WebServerFactoryCustomizer<KestrelReactiveWebServerFactory> kestrelCleartext() {
			return (factory) -> factory.setCleartextHttp2(false);
		}

	}

}
