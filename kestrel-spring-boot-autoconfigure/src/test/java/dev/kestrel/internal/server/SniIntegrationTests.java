package dev.kestrel.internal.server;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.NettyPipeline;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.diagnostics.ProtocolMessages;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.TlsConnectionOptions;
import dev.kestrel.options.TlsHandshakeCallbackOptions;
import dev.kestrel.internal.server.tls.TlsHandshakes;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TestServers.CommandResult;
import dev.kestrel.certificates.ServerCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SNI end to end with {@code openssl s_client -servername} and {@code curl --resolve}:
 * Kestrel's host-name matching, per-host settings, refusals, the certificate selector,
 * the TLS handshake callback and the handshake details. One application serves every test
 * (stopping another one in between would stop the shared Reactor Netty resources);
 * {@link SniConfigurationIntegrationTests} covers configuration files and start-up
 * errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class SniIntegrationTests {

	@TempDir
	static Path certs;

	static TestCertificate root;

	static TestCertificate endpoint;

	static TestCertificate client;

	static PemFiles clientPem;

	static ServerCertificate catchAll;

	static ServerCertificate hostA;

	static ServerCertificate multi;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		root = TestCertificates.certificate("SNI Root").certificateAuthority().fileName("root").build();
		endpoint = signed("endpoint", "localhost", "a.example.org");
		TestCertificate a = signed("a.example.org", "a.example.org");
		TestCertificate wild = signed("*.example.org", "*.example.org");
		TestCertificate wildB = signed("*.b.example.org", "*.b.example.org");
		TestCertificate any = signed("any", "any.test");
		TestCertificate idn = signed("xn--mnchen-3ya.example", "xn--mnchen-3ya.example");
		TestCertificate multiCertificate = signed("multi", "h1.example.org", "h2.example.org", "mtls.example.org",
				"modern.example.org", "selected.example.org", "h2only.example.org");
		client = TestCertificates.certificate("client").extendedKeyUsage(Eku.CLIENT_AUTH).signedBy(root).build();
		clientPem = client.writePem(certs);
		root.writeCertificatePem(certs);
		catchAll = any.toServerCertificate();
		hostA = a.toServerCertificate();
		multi = multiCertificate.toServerCertificate();
		List<String> properties = new ArrayList<>(List.of("logging.level.dev.kestrel.internal.server.tls=debug",
				"Kestrel.Endpoints.Sni.Url=https://127.0.0.1:0"));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Certificate", endpoint));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni.a.example.org.Certificate", a));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni.*.example.org.Certificate", wild));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni[*.b.example.org].Certificate", wildB));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni.*.Certificate", any));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni.münchen.example.Certificate", idn));
		properties.add("Kestrel.Endpoints.Strict.Url=https://127.0.0.1:0");
		properties.addAll(certificate("Kestrel.Endpoints.Strict.Certificate", endpoint));
		properties.add("Kestrel.Endpoints.Strict.Sni.a.example.org.Protocols=Http1AndHttp2");
		properties.addAll(certificate("Kestrel.Endpoints.Strict.Sni.*.example.org.Certificate", wild));
		properties.add("Kestrel.Endpoints.Mixed.Url=https://127.0.0.1:0");
		properties.addAll(certificate("Kestrel.Endpoints.Mixed.Certificate", multiCertificate));
		properties.add("Kestrel.Endpoints.Mixed.Sni.h1.example.org.Protocols=Http1");
		properties.add("Kestrel.Endpoints.Mixed.Sni.mtls.example.org.ClientCertificateMode=RequireCertificate");
		properties.add("Kestrel.Endpoints.Mixed.Sni.modern.example.org.SslProtocols[0]=Tls13");
		properties.add("Kestrel.Endpoints.Mixed.Sni.h2only.example.org.Protocols=Http2");
		properties.add("Kestrel.Endpoints.Mixed.Sni.*.Protocols=Http1AndHttp2");
		properties.add("Kestrel.Endpoints.Narrow.Url=https://127.0.0.1:0");
		properties.add("Kestrel.Endpoints.Narrow.Protocols=Http1");
		properties.addAll(certificate("Kestrel.Endpoints.Narrow.Certificate", multiCertificate));
		properties.add("Kestrel.Endpoints.Narrow.Sni.h2.example.org.Protocols=Http1AndHttp2");
		properties.add("Kestrel.Endpoints.Narrow.Sni.*.Protocols=Http1");
		context = new SpringApplicationBuilder(TestApplication.class, Extras.class)
			.properties(properties.toArray(new String[0]))
			.run();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@BeforeEach
	void clearRecords() {
		Extras.selectorCalls.clear();
		Extras.handshakesSeenByMiddleware.clear();
	}

	@Test
	@RequiresTools("openssl")
	void exactNameBeatsWildcardWhichBeatsTheCatchAll() {
		assertThat(served("Sni", "a.example.org")).isEqualTo("CN=a.example.org");
		assertThat(served("Sni", "c.example.org")).isEqualTo("CN=*.example.org");
		assertThat(served("Sni", "other.test")).isEqualTo("CN=any");
	}

	@Test
	@RequiresTools("openssl")
	void longerWildcardBeatsShorterAtAnyDepth() {
		assertThat(served("Sni", "x.b.example.org")).isEqualTo("CN=*.b.example.org");
		assertThat(served("Sni", "x.y.b.example.org")).isEqualTo("CN=*.b.example.org");
		assertThat(served("Sni", "x.y.c.example.org")).isEqualTo("CN=*.example.org");
	}

	@Test
	@RequiresTools("openssl")
	void bareDomainIsNotMatchedByItsWildcard() {
		assertThat(served("Sni", "example.org")).isEqualTo("CN=any");
		assertThat(served("Sni", "b.example.org")).isEqualTo("CN=*.example.org");
	}

	@Test
	@RequiresTools("openssl")
	void clientWithoutServerNameGetsTheCatchAll() {
		assertThat(subject(sClient("Sni", null).output())).isEqualTo("CN=any");
	}

	@Test
	@RequiresTools("openssl")
	void internationalizedKeyMatchesThePunycodeNameClientsSend() {
		assertThat(served("Sni", "xn--mnchen-3ya.example")).isEqualTo("CN=xn--mnchen-3ya.example");
	}

	@Test
	@RequiresTools("curl")
	void curlGetsTheHostsCertificateAndTheApplication() {
		assertThat(curl("Sni", "a.example.org", "/").output()).isEqualTo("Sni HTTP/2.0");
		assertThat(curl("Sni", "c.example.org", "/").output()).isEqualTo("Sni HTTP/2.0");
		assertThat(curl("Strict", "a.example.org", "/").output()).as("the endpoint's certificate")
			.isEqualTo("Strict HTTP/2.0");
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void unmatchedNameIsRefusedWithoutAnyCertificate(CapturedOutput output) {
		CommandResult refused = sClient("Strict", "other.test");
		assertThat(refused.output()).contains("unrecognized name").contains("no peer certificate available");
		assertThat(curl("Strict", "other.test", "/").exitCode()).isNotZero();
		assertThat(output).contains(SniMessages.sniNotConfiguredForServerName("other.test", "Strict"));
	}

	@Test
	@RequiresTools("openssl")
	void clientWithoutServerNameIsRefusedWithoutCatchAll(CapturedOutput output) {
		CommandResult refused = sClient("Strict", null);
		assertThat(refused.output()).contains("unrecognized name").contains("no peer certificate available");
		assertThat(output).contains(SniMessages.sniNotConfiguredToAllowNoServerName("Strict"));
	}

	@Test
	@RequiresTools("curl")
	void perHostProtocolsDecideAlpn() {
		assertThat(httpVersion("Mixed", "h1.example.org")).isEqualTo("1.1");
		assertThat(httpVersion("Mixed", "h2.example.org")).isEqualTo("2");
		assertThat(curl("Mixed", "h1.example.org", "/", "--http2").output()).isEqualTo("Mixed HTTP/1.1");
	}

	@Test
	@RequiresTools("curl")
	void hostServingOnlyHttp2ClosesConnectionsThatDidNotNegotiateIt(CapturedOutput output) {
		assertThat(curl("Mixed", "h2only.example.org", "/", "--http2").output()).isEqualTo("Mixed HTTP/2.0");
		assertThat(curl("Mixed", "h2only.example.org", "/", "--http1.1").exitCode()).isNotZero();
		assertThat(output).contains(ProtocolMessages.http2NotNegotiated("Mixed"));
		assertThat(curl("Mixed", "h1.example.org", "/", "--http1.1").output()).isEqualTo("Mixed HTTP/1.1");
	}

	@Test
	@RequiresTools("curl")
	void hostMayServeHttp2OnAnHttp1Endpoint() {
		assertThat(httpVersion("Narrow", "h2.example.org")).isEqualTo("2");
		assertThat(curl("Narrow", "h2.example.org", "/", "--http2").output()).isEqualTo("Narrow HTTP/2.0");
		assertThat(httpVersion("Narrow", "h1.example.org")).isEqualTo("1.1");
	}

	@Test
	@RequiresTools("curl")
	void perHostRequireCertificate() {
		assertThat(curl("Mixed", "mtls.example.org", "/client").exitCode()).as("no client certificate").isNotZero();
		assertThat(curl("Mixed", "mtls.example.org", "/client", "--cert", clientPem.certificate().toString(), "--key",
				clientPem.key().toString())
			.output()).isEqualTo("CN=client");
		assertThat(curl("Mixed", "h2.example.org", "/client").output()).as("other hosts ask for none")
			.isEqualTo("none");
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void perHostTls13RefusesATls12OnlyClient() {
		assertThat(curl("Mixed", "modern.example.org", "/", "--tls-max", "1.2").exitCode()).isNotZero();
		assertThat(sClient("Mixed", "modern.example.org", "-tls1_2").output()).contains("alert protocol version")
			.contains("no peer certificate available");
		assertThat(curl("Mixed", "modern.example.org", "/", "--tlsv1.3").output()).isEqualTo("Mixed HTTP/2.0");
		assertThat(curl("Mixed", "h2.example.org", "/", "--tls-max", "1.2").output()).isEqualTo("Mixed HTTP/2.0");
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void selectorIsCalledOncePerConnectionWithTheRightName() {
		assertThat(curl("Selector", "selected.example.org", "/").output()).isEqualTo("Selector HTTP/2.0");
		CommandResult twoRequests = TestServers.curl("--cacert", certs.resolve("root.crt").toString(), "--resolve",
				"h1.example.org:" + port("Selector") + ":127.0.0.1", "https://h1.example.org:" + port("Selector") + "/",
				"https://h1.example.org:" + port("Selector") + "/");
		assertThat(twoRequests.output()).isEqualTo("Selector HTTP/2.0Selector HTTP/2.0");
		assertThat(subject(sClient("Selector", null).output())).isEqualTo("CN=any");
		assertThat(Extras.selectorCalls).containsExactly("selected.example.org", "h1.example.org", null);
	}

	@Test
	@RequiresTools("openssl")
	void selectorReturningNullFailsTheHandshake(CapturedOutput output) {
		CommandResult refused = sClient("Selector", "refused.example.org");
		assertThat(refused.output()).contains("handshake failure").contains("no peer certificate available");
		assertThat(output)
			.contains(SniMessages.serverCertificateSelectorReturnedNull("Selector", "refused.example.org"));
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void callbackChoosesEachConnectionsWholeConfiguration() {
		assertThat(httpVersion("Callback", "h1.example.org")).isEqualTo("1.1");
		assertThat(httpVersion("Callback", "h2.example.org")).isEqualTo("2");
		assertThat(served("Callback", "h2.example.org")).isEqualTo("CN=multi");
	}

	@Test
	@RequiresTools("curl")
	void handshakeDetailsReachTheApplicationAndConnectionMiddleware() {
		assertThat(curl("Sni", "a.example.org", "/tls", "--tlsv1.3").output())
			.matches("a\\.example\\.org TLSv1\\.3 TLS_\\S+ h2");
		assertThat(curl("Mixed", "h1.example.org", "/tls", "--tls-max", "1.2").output())
			.matches("h1\\.example\\.org TLSv1\\.2 \\S+ http/1\\.1");
		assertThat(curl("Sni", "a.example.org", "/tls", "--http1.1").output()).endsWith(" http/1.1");
		assertThat(Extras.handshakesSeenByMiddleware).contains("a.example.org", "h1.example.org");
	}

	private static TestCertificate signed(String commonName, String... dnsNames) {
		return TestCertificates.host(root, commonName, dnsNames);
	}

	private static List<String> certificate(String prefix, TestCertificate certificate) {
		return TestCertificates.pemProperties(prefix, certificate, certs);
	}

	private static int port(String name) {
		return HttpsEndpointIntegrationTests.port(context, name);
	}

	private static String served(String endpointName, String serverName) {
		return subject(sClient(endpointName, serverName).output());
	}

	private static CommandResult sClient(String endpointName, String serverName, String... args) {
		return sClient(port(endpointName), serverName, args);
	}

	private static CommandResult sClient(int port, String serverName, String... args) {
		List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
		if (serverName != null) {
			command.addAll(List.of("-servername", serverName));
		}
		else {
			command.add("-noservername");
		}
		command.addAll(List.of(args));
		return TestServers.run(command);
	}

	private static CommandResult curl(String endpointName, String host, String path, String... args) {
		int port = port(endpointName);
		List<String> command = new ArrayList<>(List.of("--cacert", certs.resolve("root.crt").toString(), "--resolve",
				host + ":" + port + ":127.0.0.1"));
		command.addAll(List.of(args));
		command.add("https://" + host + ":" + port + path);
		return TestServers.curl(command.toArray(new String[0]));
	}

	private static String httpVersion(String endpointName, String host) {
		return curl(endpointName, host, "/", "--http2", "-o", "/dev/null", "-w", "%{http_version}").output();
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

	@Configuration(proxyBeanMethods = false)
	static class Extras {

		static final List<String> selectorCalls = Collections.synchronizedList(new ArrayList<>());

		static final List<String> handshakesSeenByMiddleware = Collections.synchronizedList(new ArrayList<>());

		@Bean
		KestrelServerOptionsCustomizer sniTestEndpoints() {
			return (options) -> {
				options.configure()
					.endpoint("Mixed",
							(endpoint) -> endpoint.httpsOptions().clientCertificateAuthorities(root.certificate()));
				options.listen(InetAddress.getLoopbackAddress(), 0, (listen) -> listen.name("Selector")
					.useHttps(new HttpsConnectionAdapterOptions().serverCertificateSelector((connection, name) -> {
						selectorCalls.add(name);
						if ("refused.example.org".equals(name)) {
							return null;
						}
						return (name == null) ? catchAll : multi;
					})));
				options.listen(InetAddress.getLoopbackAddress(), 0, (listen) -> listen.name("Callback")
					.useHttps(new TlsHandshakeCallbackOptions().onConnection((hello) -> CompletableFuture
						.completedFuture("h1.example.org".equals(hello.serverName())
								? TlsConnectionOptions.of(new HttpsConnectionAdapterOptions().serverCertificate(multi),
										HttpProtocols.HTTP1)
								: TlsConnectionOptions
									.of(new HttpsConnectionAdapterOptions().serverCertificate(multi))))));
			};
		}

		@Bean
		RouterFunction<ServerResponse> tlsRoute() {
			return RouterFunctions.route()
				.GET("/tls",
						(request) -> ServerResponse.ok()
							.bodyValue(TlsHandshakes.details(request.exchange().getRequest())
								.map((tls) -> tls.hostName() + " " + tls.protocol() + " " + tls.cipherSuite() + " "
										+ tls.applicationProtocol())
								.orElse("none")))
				.build();
		}

		@Bean
		NettyServerCustomizer handshakeMiddleware() {
			return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
				if (channel.pipeline().get(NettyPipeline.SslHandler) != null) {
					channel.pipeline()
						.addAfter(NettyPipeline.SslHandler, "test.middleware", new ChannelInboundHandlerAdapter() {

							@Override
							public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
								if (event instanceof SslHandshakeCompletionEvent completion && completion.isSuccess()) {
									TlsHandshakes.details(ctx.channel())
										.ifPresent((tls) -> handshakesSeenByMiddleware.add(tls.hostName()));
								}
								ctx.fireUserEventTriggered(event);
							}

						});
				}
			});
		}

	}

}
