package dev.kestrel.internal.connections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.connections.ConnectionContext;
import dev.kestrel.connections.TlsHandshakeFeature;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyType;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TlsClients;

import static dev.kestrel.testing.TestServers.curl;
import static dev.kestrel.testing.TestServers.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connection middleware, connection logging and channel handlers, on real connections.
 */
class ConnectionMiddlewareIntegrationTests {

	static TestCertificate rsa;

	private final List<ListAppender<ILoggingEvent>> appenders = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void certificate() {
		rsa = TestCertificates.certificate("localhost").keyType(KeyType.RSA_2048).dnsNames("localhost").build();
	}

	@AfterEach
	void detachAppenders() {
		for (ListAppender<ILoggingEvent> appender : this.appenders) {
			appender.stop();
		}
	}

	@Test
	void middlewareRunsOncePerConnectionInRegistrationOrderAndCodeAfterNextRunsWhenTheConnectionCloses() {
		int port = TestServers.freePort();
		List<String> calls = new CopyOnWriteArrayList<>();
		withServer((options) -> options.listen(InetAddress.getLoopbackAddress(), port,
				(listen) -> listen.use((connection, next) -> {
					calls.add("outer " + connection.connectionId());
					return next.proceed().doFinally((signal) -> calls.add("outer end"));
				}).use((connection, next) -> {
					calls.add("inner " + connection.connectionId());
					return next.proceed();
				})), () -> {
					assertThat(exchangeRaw(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
						.startsWith("HTTP/1.1 200")
						.endsWith("code-0 HTTP/1.1");
					await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("outer end"));
					assertThat(calls).hasSize(3);
					assertThat(calls.get(0)).startsWith("outer ");
					assertThat(calls.get(1)).isEqualTo("inner " + calls.get(0).substring("outer ".length()));
					assertThat(calls.get(2)).isEqualTo("outer end");
				});
	}

	@Test
	@RequiresTools("h2load")
	void middlewareRunsOncePerConnectionNotPerHttp2Stream() {
		int port = TestServers.freePort();
		Set<String> connections = ConcurrentHashMap.newKeySet();
		AtomicInteger calls = new AtomicInteger();
		withServer((options) -> options.listen(InetAddress.getLoopbackAddress(), port,
				(listen) -> listen.protocols(HttpProtocols.HTTP2).use((connection, next) -> {
					calls.incrementAndGet();
					connections.add(connection.connectionId());
					return next.proceed();
				})), () -> {
					TestServers.CommandResult result = run(
							List.of("h2load", "-n", "400", "-c", "4", "-m", "20", "http://127.0.0.1:" + port + "/"));
					assertThat(result.output()).contains("400 succeeded");
					assertThat(calls).hasValue(4);
					assertThat(connections).hasSize(4);
				});
	}

	@Test
	void middlewareThatFailsBeforeNextClosesTheConnectionBeforeTheRequestReachesTheApplication() throws Exception {
		int port = TestServers.freePort();
		AtomicInteger refused = new AtomicInteger();
		withServer(
				(options) -> options.listen(InetAddress.getLoopbackAddress(), port, (listen) -> listen.use((c, n) -> {
					refused.incrementAndGet();
					return Mono.error(new IllegalStateException("not today"));
				})), () -> {
					assertThat(exchangeRaw(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
					assertThat(refused).hasValue(1);
				});
	}

	@Test
	void middlewareThatCompletesWithoutProceedingClosesTheConnectionWithoutAResponse() throws Exception {
		int port = TestServers.freePort();
		withServer(
				(options) -> options.listen(InetAddress.getLoopbackAddress(), port,
						(listen) -> listen.use((connection, next) -> Mono.empty())),
				() -> assertThat(exchangeRaw(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty());
	}

	@Test
	void middlewareMayProceedLaterFromAnotherThreadAndTheHeldRequestIsServed() {
		int port = TestServers.freePort();
		withServer(
				(options) -> options.listen(InetAddress.getLoopbackAddress(), port,
						(listen) -> listen
							.use((connection, next) -> Mono.delay(Duration.ofMillis(300)).then(next.proceed()))),
				() -> assertThat(TestServers.get("http://127.0.0.1:" + port + "/").body()).startsWith("code-0"));
	}

	@Test
	void middlewareAfterUseHttpsSeesTheHandshakeAndMiddlewareBeforeDoesNot() throws Exception {
		int port = TestServers.freePort();
		List<Object> before = new CopyOnWriteArrayList<>();
		List<TlsHandshakeFeature> after = new CopyOnWriteArrayList<>();
		withServer((options) -> options.listen(InetAddress.getLoopbackAddress(), port,
				(listen) -> listen.use((connection, next) -> {
					before.add(connection.feature(TlsHandshakeFeature.class).isPresent());
					return next.proceed();
				}).useHttps(rsa.toServerCertificate()).use((connection, next) -> {
					after.add(connection.feature(TlsHandshakeFeature.class).orElseThrow());
					return next.proceed();
				})), () -> {
					HttpClient client = TlsClients.client(rsa.certificate(), HttpClient.Version.HTTP_2);
					assertThat(TlsClients.get(client, "https://localhost:" + port + "/").body())
						.isEqualTo("code-0 HTTP/2.0");
					assertThat(before).containsExactly(false);
					assertThat(after).hasSize(1);
					TlsHandshakeFeature tls = after.get(0);
					assertThat(tls.hostName()).isEqualTo("localhost");
					assertThat(tls.protocol()).isEqualTo("TLSv1.3");
					assertThat(tls.applicationProtocol()).isEqualTo("h2");
					assertThat(tls.cipherSuite()).startsWith("TLS_");
					assertThat(tls.clientCertificate()).isNull();
				});
	}

	@Test
	@RequiresTools({ "openssl", "curl" })
	void tlsFilterExtensionRefusesAProhibitedCipherBeforeAnyRequestAndAcceptsAnother() {
		int port = TestServers.freePort();
		withServer(
				(options) -> options.listen(InetAddress.getLoopbackAddress(), port,
						(listen) -> TlsFilter.useTlsFilter(listen.useHttps(rsa.toServerCertificate()))),
				() -> assertCipherFilter(port));
	}

	@Test
	@RequiresTools({ "openssl", "curl" })
	void inlineTlsFilterMiddlewareRefusesAProhibitedCipherAsTheExtensionDoes() {
		int port = TestServers.freePort();
		withServer((options) -> options.listen(InetAddress.getLoopbackAddress(), port,
				(listen) -> listen.useHttps(rsa.toServerCertificate()).use((context, next) -> {
					TlsHandshakeFeature tls = context.feature(TlsHandshakeFeature.class).orElseThrow();
					if (tls.cipherSuite().equals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")) {
						return Mono.error(new IllegalStateException("Prohibited cipher: " + tls.cipherSuite()));
					}
					return next.proceed();
				})), () -> assertCipherFilter(port));
	}

	private static void assertCipherFilter(int port) {
		String url = "https://localhost:" + port + "/";
		TestServers.CommandResult refused = curl("-k", "--tlsv1.2", "--tls-max", "1.2", "--ciphers",
				"ECDHE-RSA-AES128-GCM-SHA256", url);
		assertThat(refused.exitCode()).isNotZero();
		assertThat(refused.output()).doesNotContain("code-0");
		TestServers.CommandResult accepted = curl("-k", "--tlsv1.2", "--tls-max", "1.2", "--ciphers",
				"ECDHE-RSA-AES256-GCM-SHA384", url);
		assertThat(accepted.output()).isEqualTo("code-0 HTTP/2.0");
		assertThat(opensslRequest(port, "ECDHE-RSA-AES128-GCM-SHA256"))
			.contains("Cipher is ECDHE-RSA-AES128-GCM-SHA256")
			.doesNotContain("HTTP/1.1 200");
		assertThat(opensslRequest(port, "ECDHE-RSA-AES256-GCM-SHA384")).contains("HTTP/1.1 200")
			.contains("code-0 HTTP/1.1");
	}

	/**
	 * Sends {@code GET /} with {@code openssl s_client} over TLS 1.2 with one cipher
	 * suite.
	 * @return what s_client printed: the handshake, then the response if there was one
	 */
	private static String opensslRequest(int port, String cipher) {
		return run(List.of("sh", "-c",
				"printf 'GET / HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' | openssl s_client"
						+ " -connect 127.0.0.1:" + port + " -servername localhost -tls1_2 -cipher " + cipher
						+ " -ign_eof 2>&1"))
			.output();
	}

	@Test
	void connectionLoggingBeforeUseHttpsLogsCiphertextAndAfterItPlaintext() {
		int port = TestServers.freePort();
		ListAppender<ILoggingEvent> beforeTls = capture("test.connection.before");
		ListAppender<ILoggingEvent> afterTls = capture("test.connection.after");
		withServer((options) -> options.listen(InetAddress.getLoopbackAddress(), port,
				(listen) -> listen.useConnectionLogging("test.connection.before")
					.useHttps(rsa.toServerCertificate())
					.useConnectionLogging("test.connection.after")),
				() -> {
					HttpClient client = TlsClients.client(rsa.certificate(), HttpClient.Version.HTTP_1_1);
					assertThat(TlsClients.get(client, "https://localhost:" + port + "/").body())
						.isEqualTo("code-0 HTTP/1.1");
					await().atMost(Duration.ofSeconds(5)).until(() -> text(afterTls).contains("HTTP/1.1 200"));
					assertThat(text(afterTls)).contains("GET / HTTP/1.1")
						.contains("ReadAsync[")
						.contains("WriteAsync[");
					assertThat(text(beforeTls)).contains("ReadAsync[").contains("WriteAsync[");
					assertThat(text(beforeTls)).doesNotContain("GET / HTTP/1.1").doesNotContain("code-0");
					String id = afterTls.list.get(0).getFormattedMessage().substring(1, 9);
					assertThat(text(beforeTls)).contains("[" + id + "]");
				});
	}

	@Test
	void connectionLoggingFromConfigurationLogsTheDecryptedBytesOfAnHttpsEndpoint(@TempDir Path directory) {
		int port = TestServers.freePort();
		ListAppender<ILoggingEvent> log = capture("dev.kestrel.connections.ConnectionLogging");
		List<String> properties = new java.util.ArrayList<>(
				TestCertificates.pemProperties("Kestrel.Endpoints.Secure.Certificate", rsa, directory));
		properties.add("Kestrel.Endpoints.Secure.Url=https://127.0.0.1:" + port);
		properties.add("Kestrel.Endpoints.Secure.ConnectionLogging=true");
		TestServers.runner().withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasNotFailed();
			HttpClient client = TlsClients.client(rsa.certificate(), HttpClient.Version.HTTP_1_1);
			assertThat(TlsClients.get(client, "https://localhost:" + port + "/").body()).isEqualTo("Secure HTTP/1.1");
			await().atMost(Duration.ofSeconds(5)).until(() -> text(log).contains("GET / HTTP/1.1"));
		});
	}

	@Test
	void connectionLoggingCostsNothingVisibleWhenTheLoggerIsNotAtDebug() {
		int port = TestServers.freePort();
		ListAppender<ILoggingEvent> log = capture("test.connection.quiet");
		((Logger) LoggerFactory.getLogger("test.connection.quiet")).setLevel(Level.INFO);
		withServer((options) -> options.listen(InetAddress.getLoopbackAddress(), port,
				(listen) -> listen.useConnectionLogging("test.connection.quiet")), () -> {
					assertThat(TestServers.get("http://127.0.0.1:" + port + "/").body()).startsWith("code-0");
					assertThat(log.list).isEmpty();
				});
	}

	@Test
	void channelHandlersSitWhereTheyWereRegisteredAndSeeRawOrDecryptedBytes() {
		int port = TestServers.freePort();
		AtomicLong raw = new AtomicLong();
		AtomicLong decrypted = new AtomicLong();
		List<String> pipeline = new CopyOnWriteArrayList<>();
		withServer((options) -> options.listen(InetAddress.getLoopbackAddress(), port,
				(listen) -> listen.useChannelHandler("raw", () -> new ByteCounter(raw, null))
					.useHttps(rsa.toServerCertificate())
					.useChannelHandler("plain", () -> new ByteCounter(decrypted, pipeline))),
				() -> {
					HttpClient client = TlsClients.client(rsa.certificate(), HttpClient.Version.HTTP_1_1);
					assertThat(TlsClients.get(client, "https://localhost:" + port + "/").body())
						.isEqualTo("code-0 HTTP/1.1");
					assertThat(decrypted.get()).isPositive();
					assertThat(raw.get()).isGreaterThan(decrypted.get());
					assertThat(pipeline).containsSubsequence("kestrel.connection.raw", "reactor.left.sslHandler",
							"kestrel.connection.plain");
				});
	}

	@Test
	@RequiresTools("curl")
	void middlewareRunsOnUnixSocketConnections(@TempDir Path directory) {
		String socket = directory.resolve("app.sock").toString();
		List<ConnectionContext> connections = new CopyOnWriteArrayList<>();
		withServer((options) -> options.listenUnixSocket(socket, (listen) -> listen.use((connection, next) -> {
			connections.add(connection);
			return next.proceed();
		})), () -> {
			assertThat(curl("--unix-socket", socket, "http://localhost/").output()).isEqualTo("code-0 HTTP/1.1");
			assertThat(connections).hasSize(1);
			assertThat(connections.get(0).endpointName()).isEqualTo("code-0");
		});
	}

	private void withServer(KestrelServerOptionsCustomizer customizer, Check assertions) {
		TestServers.runner().withBean(KestrelServerOptionsCustomizer.class, () -> customizer).run((context) -> {
			assertThat(context).hasNotFailed();
			assertions.run();
		});
	}

	private ListAppender<ILoggingEvent> capture(String loggerName) {
		Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
		logger.setLevel(Level.DEBUG);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		this.appenders.add(appender);
		return appender;
	}

	private static String text(ListAppender<ILoggingEvent> appender) {
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : List.copyOf(appender.list)) {
			text.append(event.getFormattedMessage()).append('\n');
		}
		return text.toString();
	}

	static String exchangeRaw(int port, String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (java.net.SocketException ex) {
			// closed with the request unread: a reset, and no response
			return "";
		}
	}

	/**
	 * Kestrel's {@code UseTlsFilter} sample as a Java extension method.
	 */
	static final class TlsFilter {

		private TlsFilter() {
		}

		static ListenOptions useTlsFilter(ListenOptions listen) {
			return listen.use((connection, next) -> {
				TlsHandshakeFeature tls = connection.feature(TlsHandshakeFeature.class).orElseThrow();
				if (tls.cipherSuite().equals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")) {
					throw new IllegalStateException("Prohibited cipher: " + tls.cipherSuite());
				}
				return next.proceed();
			});
		}

	}

	@FunctionalInterface
	interface Check {

		void run() throws Exception;

	}

	static final class ByteCounter extends ChannelInboundHandlerAdapter {

		private final AtomicLong bytes;

		private final List<String> pipeline;

		ByteCounter(AtomicLong bytes, List<String> pipeline) {
			this.bytes = bytes;
			this.pipeline = pipeline;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof ByteBuf buffer) {
				this.bytes.addAndGet(buffer.readableBytes());
				if (this.pipeline != null && this.pipeline.isEmpty()) {
					this.pipeline.addAll(ctx.pipeline().names());
				}
			}
			ctx.fireChannelRead(msg);
		}

	}

}
