package dev.kestrel.internal.metrics;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.netty.http.Http3SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TestServers.CommandResult;

import static dev.kestrel.testing.TestServers.curl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kestrel's meters observed under a small real load: HTTP/1.1, h2c, h2 over TLS, HTTP/3
 * and a Unix socket, a failed TLS handshake and a connection refused by
 * {@code MaxConcurrentConnections}.
 */
class KestrelMetersIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@TempDir
	Path directory;

	@Test
	@RequiresTools("curl")
	void metersCountConnectionsHandshakesAndRefusalsOverEveryTransportWithKestrelsNamesAndTags() throws Exception {
		TestCertificate certificate = TestCertificates.selfSigned("localhost");
		String socket = this.directory.resolve("meters.sock").toString();
		List<String> properties = new ArrayList<>(List.of("Kestrel.Endpoints.Plain.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Secure.Url=https://127.0.0.1:" + TestServers.freePort(),
				"Kestrel.Endpoints.Secure.Protocols=Http1AndHttp2AndHttp3",
				"Kestrel.Endpoints.Uds.Url=http://unix:" + socket, "Kestrel.Endpoints.Limited.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Limited.Limits.MaxConcurrentConnections=1"));
		properties.addAll(
				TestCertificates.pemProperties("Kestrel.Endpoints.Secure.Certificate", certificate, this.directory));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.properties(properties.toArray(String[]::new))
			.run()) {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			int plain = port(context, "Plain");
			int secure = port(context, "Secure");
			int limited = port(context, "Limited");

			for (int i = 0; i < 3; i++) {
				assertThat(curl("http://127.0.0.1:" + plain + "/").output()).isEqualTo("Plain HTTP/1.1");
				assertThat(curl("--http2-prior-knowledge", "http://127.0.0.1:" + plain + "/").output())
					.isEqualTo("Plain HTTP/2.0");
				assertThat(curl("-k", "--http2", "https://127.0.0.1:" + secure + "/").output())
					.isEqualTo("Secure HTTP/2.0");
				assertThat(curl("--unix-socket", socket, "http://localhost/").output()).isEqualTo("Uds HTTP/1.1");
			}
			assertThat(curl("-k", "--http1.1", "--tlsv1.2", "--tls-max", "1.2", "https://127.0.0.1:" + secure + "/")
				.output()).isEqualTo("Secure HTTP/1.1");
			CommandResult untrusted = curl("https://127.0.0.1:" + secure + "/");
			assertThat(untrusted.exitCode()).as(untrusted.output()).isNotZero();
			assertThat(http3(secure, certificate)).isEqualTo("Secure HTTP/3.0");

			try (Socket held = new Socket(InetAddress.getLoopbackAddress(), limited)) {
				await().atMost(WAIT)
					.untilAsserted(
							() -> assertThat(gauge(registry, "kestrel.active_connections", "Limited")).isEqualTo(1));
				try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), limited)) {
					refused.setSoTimeout(10_000);
					try (InputStream in = refused.getInputStream()) {
						assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
					}
				}
			}

			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(count(registry, "kestrel.connection.duration", "endpoint", "Plain", "network.protocol.name",
						"http", "network.protocol.version", "1.1", "network.transport", "tcp", "network.type", "ipv4",
						"server.address", "127.0.0.1", "server.port", String.valueOf(plain), "tls.protocol.version", "",
						"error.type", ""))
					.isEqualTo(3);
				assertThat(count(registry, "kestrel.connection.duration", "endpoint", "Plain",
						"network.protocol.version", "2", "error.type", ""))
					.isEqualTo(3);
				assertThat(
						count(registry, "kestrel.connection.duration", "endpoint", "Secure", "network.protocol.version",
								"2", "tls.protocol.version", "1.3", "network.transport", "tcp", "error.type", ""))
					.isEqualTo(3);
				assertThat(count(registry, "kestrel.connection.duration", "endpoint", "Secure",
						"network.protocol.version", "1.1", "tls.protocol.version", "1.2"))
					.isEqualTo(1);
				assertThat(count(registry, "kestrel.connection.duration", "endpoint", "Secure", "error.type",
						"tls_handshake_failed", "network.protocol.version", ""))
					.isEqualTo(1);
				assertThat(count(registry, "kestrel.connection.duration", "endpoint", "Secure", "network.transport",
						"udp", "network.protocol.version", "3", "tls.protocol.version", "1.3", "server.port",
						String.valueOf(secure)))
					.isEqualTo(1);
				assertThat(count(registry, "kestrel.connection.duration", "endpoint", "Uds", "network.transport",
						"unix", "server.address", socket, "server.port", "", "network.type", "",
						"network.protocol.version", "1.1"))
					.isEqualTo(3);
				assertThat(count(registry, "kestrel.connection.duration", "endpoint", "Limited", "error.type",
						"max_concurrent_connections_exceeded"))
					.isEqualTo(1);
				assertThat(registry.get("kestrel.rejected_connections").tag("endpoint", "Limited").counter().count())
					.isEqualTo(1);
				assertThat(count(registry, "kestrel.tls_handshake.duration", "endpoint", "Secure", "network.transport",
						"tcp", "tls.protocol.version", "1.3", "error.type", ""))
					.isEqualTo(3);
				assertThat(count(registry, "kestrel.tls_handshake.duration", "endpoint", "Secure",
						"tls.protocol.version", "1.2", "error.type", ""))
					.isEqualTo(1);
				assertThat(registry.find("kestrel.tls_handshake.duration")
					.tags("endpoint", "Secure", "tls.protocol.version", "")
					.timers()).singleElement()
					.satisfies((timer) -> assertThat(timer.getId().getTag("error.type")).isNotEmpty());
				assertThat(count(registry, "kestrel.tls_handshake.duration", "endpoint", "Secure", "network.transport",
						"udp", "tls.protocol.version", "1.3"))
					.isEqualTo(1);
				for (String endpoint : List.of("Plain", "Secure", "Uds", "Limited")) {
					assertThat(gauge(registry, "kestrel.active_connections", endpoint)).as(endpoint).isZero();
				}
				assertThat(gauge(registry, "kestrel.active_tls_handshakes", "Secure")).isZero();
			});
			assertThat(registry.get("kestrel.connection.duration").timer().takeSnapshot().histogramCounts())
				.as("Kestrel's buckets")
				.hasSize(KestrelMeters.BUCKETS.length);

			Map<String, Set<Set<String>>> keys = new HashMap<>();
			for (Meter meter : registry.getMeters()) {
				// the simple registry shows the buckets as '.histogram' gauges
				// (Prometheus: _bucket)
				if (meter.getId().getName().startsWith("kestrel.") && !meter.getId().getName().endsWith(".histogram")) {
					Set<String> tagKeys = new TreeSet<>();
					meter.getId().getTags().stream().map(Tag::getKey).forEach(tagKeys::add);
					keys.computeIfAbsent(meter.getId().getName(), (name) -> new java.util.HashSet<>()).add(tagKeys);
				}
			}
			assertThat(keys).containsOnlyKeys("kestrel.active_connections", "kestrel.connection.duration",
					"kestrel.rejected_connections", "kestrel.tls_handshake.duration", "kestrel.active_tls_handshakes");
			keys.forEach((name, sets) -> assertThat(sets).as("tag keys of every series of " + name).hasSize(1));
			assertThat(keys.get("kestrel.connection.duration")).singleElement()
				.isEqualTo(new TreeSet<>(List.of("endpoint", "server.address", "server.port", "network.transport",
						"network.type", "network.protocol.name", "network.protocol.version", "tls.protocol.version",
						"error.type")));
		}
	}

	private static long count(MeterRegistry registry, String name, String... tags) {
		return registry.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
	}

	private static double gauge(MeterRegistry registry, String name, String endpoint) {
		return registry.find(name).tag("endpoint", endpoint).gauges().stream().mapToDouble((g) -> g.value()).sum();
	}

	private static int port(ConfigurableApplicationContext context, String endpoint) {
		return context.getEnvironment().getRequiredProperty("local.kestrel." + endpoint + ".port", Integer.class);
	}

	private static String http3(int port, TestCertificate trusted) {
		HttpClient client = HttpClient.create()
			.protocol(HttpProtocol.HTTP3)
			.secure((spec) -> spec.sslContext(Http3SslContextSpec.forClient()
				.configure((builder) -> builder
					.trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE))))
			.http3Settings((settings) -> settings.maxData(10_000_000)
				.maxStreamDataBidirectionalLocal(1_000_000)
				.maxStreamDataBidirectionalRemote(1_000_000)
				.maxStreamsBidirectional(100)
				.idleTimeout(Duration.ofSeconds(1)));
		return client.get()
			.uri("https://127.0.0.1:" + port + "/")
			.responseContent()
			.aggregate()
			.asString()
			.block(Duration.ofSeconds(10));
	}

}
