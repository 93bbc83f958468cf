package dev.kestrel.internal.server;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.http.Http3SslContextSpec;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.connections.TlsHandshakeFeature;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.TlsConnectionOptions;
import dev.kestrel.options.TlsHandshakeCallbackOptions;
import dev.kestrel.internal.server.tls.TlsHandshakes;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TestServers.CommandResult;
import dev.kestrel.certificates.ServerCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/3 with everything that chooses TLS per connection — the SNI map, a certificate
 * selector, a TLS handshake callback — and with client certificates, proven with Reactor
 * Netty's HTTP/3 client (which sends the SNI name it is given) and curl for the
 * {@code Alt-Svc} header over TCP.
 */
class Http3IntegrationTests {

	@TempDir
	static Path certs;

	static TestCertificate root;

	static TestCertificate client;

	static TestCertificate untrustedClient;

	static ServerCertificate multi;

	static int sniPort;

	static int quietPort;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		root = TestCertificates.certificate("H3 Root").certificateAuthority().fileName("root").build();
		TestCertificate endpoint = signed("endpoint", "localhost");
		TestCertificate a = signed("a.example.org", "a.example.org");
		TestCertificate wild = signed("*.example.org", "*.example.org");
		TestCertificate any = signed("any", "any.test");
		multi = signed("multi", "selected.example.org", "h1.example.org", "other.example.org").toServerCertificate();
		client = TestCertificates.certificate("client").extendedKeyUsage(Eku.CLIENT_AUTH).signedBy(root).build();
		untrustedClient = TestCertificates.certificate("stranger").extendedKeyUsage(Eku.CLIENT_AUTH).build();
		sniPort = TestServers.freePort();
		quietPort = TestServers.freePort();
		List<String> properties = new ArrayList<>();
		properties.add("Kestrel.Endpoints.Sni.Url=https://127.0.0.1:" + sniPort);
		properties.add("Kestrel.Endpoints.Sni.Protocols=Http1AndHttp2AndHttp3");
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Certificate", endpoint));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni.a.example.org.Certificate", a));
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni.*.example.org.Certificate", wild));
		properties.add("Kestrel.Endpoints.Sni.Sni.tcp.example.org.Protocols=Http1AndHttp2");
		properties.add("Kestrel.Endpoints.Sni.Sni.legacy.example.org.SslProtocols[0]=Tls12");
		properties.addAll(certificate("Kestrel.Endpoints.Sni.Sni.*.Certificate", any));
		properties.add("Kestrel.Endpoints.Strict.Url=https://127.0.0.1:0");
		properties.add("Kestrel.Endpoints.Strict.Protocols=Http3");
		properties.addAll(certificate("Kestrel.Endpoints.Strict.Sni.a.example.org.Certificate", a));
		properties.add("Kestrel.Endpoints.Mtls.Url=https://127.0.0.1:0");
		properties.add("Kestrel.Endpoints.Mtls.Protocols=Http3");
		properties.add("Kestrel.Endpoints.Mtls.ClientCertificateMode=RequireCertificate");
		properties.addAll(certificate("Kestrel.Endpoints.Mtls.Certificate", endpoint));
		properties.add("Kestrel.Endpoints.Quiet.Url=https://127.0.0.1:" + quietPort);
		properties.add("Kestrel.Endpoints.Quiet.Protocols=Http1AndHttp2AndHttp3");
		properties.add("Kestrel.Endpoints.Quiet.DisableAltSvcHeader=true");
		properties.addAll(certificate("Kestrel.Endpoints.Quiet.Certificate", endpoint));
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

	@Test
	void connectionMiddlewareRunsOncePerQuicConnectionInOrderAfterTheHandshake() {
		Extras.middlewareCalls.clear();
		assertThat(http3(port("Middleware"), "other.example.org").body()).isEqualTo("Middleware HTTP/3.0");
		assertThat(Extras.middlewareCalls).containsExactly("outer TLSv1.3", "inner other.example.org");
		assertThat(http3(port("Refusing"), "other.example.org").failed()).isTrue();
	}

	@Test
	void eachSniHostGetsItsOwnCertificateOverHttp3() {
		assertThat(http3(sniPort, "a.example.org").served()).isEqualTo("CN=a.example.org");
		assertThat(http3(sniPort, "c.example.org").served()).isEqualTo("CN=*.example.org");
		assertThat(http3(sniPort, "other.test").served()).isEqualTo("CN=any");
		assertThat(http3(sniPort, null).served()).as("no SNI gets the catch-all").isEqualTo("CN=any");
		assertThat(http3(sniPort, "a.example.org").body()).isEqualTo("Sni HTTP/3.0");
	}

	@Test
	void withoutAMatchingSniEntryTheQuicHandshakeIsRefused() {
		assertThat(http3(port("Strict"), "a.example.org").body()).isEqualTo("Strict HTTP/3.0");
		assertThat(http3(port("Strict"), "b.example.org").failed()).isTrue();
		assertThat(http3(port("Strict"), null).failed()).isTrue();
	}

	@Test
	@RequiresTools("curl")
	void hostsThatHttp3CannotServeAreRefusedOverQuicAndGetNoAltSvcOverTcp() {
		assertThat(altSvc(sniPort, "a.example.org")).isEqualTo("h3=\":" + sniPort + "\"; ma=86400");
		assertThat(altSvc(sniPort, "tcp.example.org")).as("Protocols without Http3").isEmpty();
		assertThat(altSvc(sniPort, "legacy.example.org")).as("SslProtocols without Tls13").isEmpty();
		assertThat(http3(sniPort, "tcp.example.org").failed()).isTrue();
		assertThat(http3(sniPort, "legacy.example.org").failed()).isTrue();
	}

	@Test
	@RequiresTools("curl")
	void disableAltSvcHeaderLeavesTheHeaderOutButStillServesHttp3() {
		assertThat(altSvc(quietPort, "localhost")).isEmpty();
		assertThat(http3(quietPort, "localhost").body()).isEqualTo("Quiet HTTP/3.0");
	}

	@Test
	void certificateSelectorIsCalledWithTheHostNameOfEachQuicHandshake() {
		Extras.selectorCalls.clear();
		Http3Result result = http3(port("Selector"), "selected.example.org");
		assertThat(result.body()).isEqualTo("Selector HTTP/3.0");
		assertThat(result.served()).isEqualTo("CN=multi");
		assertThat(Extras.selectorCalls).contains("selected.example.org");
		assertThat(http3(port("Selector"), "refused.example.org").failed()).as("the selector returned null").isTrue();
	}

	@Test
	void tlsHandshakeCallbackChoosesPerQuicHandshake() {
		assertThat(http3(port("Callback"), "other.example.org").body()).isEqualTo("Callback HTTP/3.0");
		assertThat(http3(port("Callback"), "h1.example.org").failed()).as("the callback chose HTTP/1.1 only").isTrue();
	}

	@Test
	void requiredClientCertificateIsCheckedOverHttp3AndReachesTheApplication() {
		assertThat(http3(port("Mtls"), "localhost", null, "/client").failed()).as("no client certificate").isTrue();
		assertThat(http3(port("Mtls"), "localhost", untrustedClient, "/client").failed()).as("untrusted").isTrue();
		assertThat(http3(port("Mtls"), "localhost", client, "/client").body()).isEqualTo("CN=client");
	}

	@Test
	void sslInfoIsAvailableToHttp3RequestsWithoutClientCertificate() {
		assertThat(http3(sniPort, "a.example.org", null, "/client").body()).isEqualTo("none");
	}

	@Test
	void handshakeDetailsReachHttp3Requests() {
		assertThat(http3(sniPort, "a.example.org", null, "/tls").body()).startsWith("a.example.org TLSv1.3 TLS_")
			.endsWith(" h3");
		assertThat(http3(sniPort, null, null, "/tls").body()).as("no SNI: Kestrel reports \"\"")
			.startsWith(" TLSv1.3 ");
	}

	private static Http3Result http3(int port, String serverName) {
		return http3(port, serverName, null, "/");
	}

	static Http3Result http3(int port, String serverName, TestCertificate clientCertificate, String path) {
		AtomicReference<X509Certificate> served = new AtomicReference<>();
		HttpClient client = HttpClient.create().protocol(HttpProtocol.HTTP3).secure((spec) -> {
			var ssl = spec.sslContext(Http3SslContextSpec.forClient().configure((builder) -> {
				builder.trustManager(new RecordingTrustManager(served));
				if (clientCertificate != null) {
					builder.keyManager(clientCertificate.privateKey(), null, clientCertificate.certificate());
				}
			}));
			if (serverName != null) {
				ssl.serverNames(new SNIHostName(serverName));
			}
		})
			.http3Settings((settings) -> settings.maxData(10_000_000)
				.maxStreamDataBidirectionalLocal(1_000_000)
				.maxStreamDataBidirectionalRemote(1_000_000)
				.maxStreamsBidirectional(100)
				.idleTimeout(Duration.ofSeconds(1)));
		try {
			String body = client.get()
				.uri("https://127.0.0.1:" + port + path)
				.responseContent()
				.aggregate()
				.asString()
				.block(Duration.ofSeconds(10));
			X509Certificate certificate = served.get();
			return new Http3Result(body, (certificate != null) ? certificate.getSubjectX500Principal().getName() : null,
					null);
		}
		catch (RuntimeException ex) {
			return new Http3Result(null, null, ex);
		}
	}

	private static String altSvc(int port, String host) {
		CommandResult result = TestServers.curl("-k", "-o", "/dev/null", "-w", "%header{alt-svc}", "--resolve",
				host + ":" + port + ":127.0.0.1", "https://" + host + ":" + port + "/");
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

	private static int port(String name) {
		return HttpsEndpointIntegrationTests.port(context, name);
	}

	private static TestCertificate signed(String commonName, String... dnsNames) {
		return TestCertificates.host(root, commonName, dnsNames);
	}

	private static List<String> certificate(String prefix, TestCertificate certificate) {
		return TestCertificates.pemProperties(prefix, certificate, certs);
	}

	/**
	 * What one HTTP/3 request got.
	 */
	record Http3Result(String body, String served, Throwable failure) {

		boolean failed() {
			return this.failure != null;
		}

	}

	/**
	 * Accepts any server certificate and records it, so that tests can see which one the
	 * server chose.
	 */
	static final class RecordingTrustManager extends X509ExtendedTrustManager {

		private final AtomicReference<X509Certificate> served;

		RecordingTrustManager(AtomicReference<X509Certificate> served) {
			this.served = served;
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
			this.served.set(chain[0]);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
			checkServerTrusted(chain, authType);
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
			throw new UnsupportedOperationException();
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Extras {

		static final List<String> selectorCalls = Collections.synchronizedList(new ArrayList<>());

		static final List<String> middlewareCalls = Collections.synchronizedList(new ArrayList<>());

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
		KestrelServerOptionsCustomizer http3TestEndpoints() {
			return (options) -> {
				options.configure()
					.endpoint("Mtls",
							(endpoint) -> endpoint.httpsOptions().clientCertificateAuthorities(root.certificate()));
				options.listen(InetAddress.getLoopbackAddress(), 0, (listen) -> listen.name("Selector")
					.protocols(HttpProtocols.HTTP3)
					.useHttps(new HttpsConnectionAdapterOptions().serverCertificateSelector((connection, name) -> {
						selectorCalls.add(String.valueOf(name));
						return "refused.example.org".equals(name) ? null : multi;
					})));
				options.listen(InetAddress.getLoopbackAddress(), 0,
						(listen) -> listen.name("Middleware").protocols(HttpProtocols.HTTP3).use((connection, next) -> {
							middlewareCalls.add("outer " + connection.feature(TlsHandshakeFeature.class)
								.map(TlsHandshakeFeature::protocol)
								.orElse("none"));
							return next.proceed();
						}).useHttps(multi).use((connection, next) -> {
							middlewareCalls.add("inner " + connection.feature(TlsHandshakeFeature.class)
								.map(TlsHandshakeFeature::hostName)
								.orElse("none"));
							return next.proceed();
						}));
				options.listen(InetAddress.getLoopbackAddress(), 0,
						(listen) -> listen.name("Refusing")
							.protocols(HttpProtocols.HTTP3)
							.useHttps(multi)
							.use((connection, next) -> Mono.error(new IllegalStateException("refused"))));
				options.listen(InetAddress.getLoopbackAddress(), 0, (listen) -> listen.name("Callback")
					.protocols(HttpProtocols.HTTP3)
					.useHttps(new TlsHandshakeCallbackOptions().onConnection((hello) -> CompletableFuture
						.completedFuture("h1.example.org".equals(hello.serverName())
								? TlsConnectionOptions.of(new HttpsConnectionAdapterOptions().serverCertificate(multi),
										HttpProtocols.HTTP1)
								: TlsConnectionOptions.of(new HttpsConnectionAdapterOptions().serverCertificate(multi),
										HttpProtocols.HTTP3)))));
			};
		}

	}

}
