package dev.kestrel.internal.connections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.kestrel.autoconfigure.KestrelAutoConfiguration;
import dev.kestrel.connections.KestrelRequests;
import dev.kestrel.connections.ProxyProtocolFeature;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyType;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.testing.TestServers.curl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PROXY protocol in front of real endpoints: hand-written v1 and v2 headers, curl,
 * HAProxy and nginx.
 */
class ProxyProtocolIntegrationTests {

	private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

	@Test
	void aVersion1HeaderGivesTheApplicationTheClientAddress() throws Exception {
		int port = TestServers.freePort();
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + port,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On", "Kestrel.Endpoints.Lb.TrustedProxies=127.0.0.0/8")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String response = exchange(port, ("PROXY TCP4 203.0.113.9 192.0.2.1 51234 443\r\n" + GET).getBytes());
				assertThat(response).endsWith("/203.0.113.9:51234 v1 dst=/192.0.2.1:443");
			});
	}

	@Test
	void aVersion2HeaderCarriesTheDestinationAndTheTypeLengthValueFields() throws Exception {
		int port = TestServers.freePort();
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + port,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On")
			.run((context) -> {
				byte[] tlvs = concat(tlv(0x05, "req-42".getBytes()),
						tlv(0xEA, concat(new byte[] { 1 }, "vpce-0abc".getBytes())));
				byte[] header = v2Ipv6("2001:db8::7", "2001:db8::1", 40000, 8443, tlvs);
				String response = exchange(port, concat(header, GET.getBytes()));
				assertThat(response).endsWith(
						"/[2001:db8:0:0:0:0:0:7]:40000 v2 dst=/[2001:db8:0:0:0:0:0:1]:8443 unique=req-42 vpce=vpce-0abc");
			});
	}

	@Test
	void aHeaderFromAPeerOutsideTrustedProxiesIsRefusedWhenOnAndNotReadWhenAuto() throws Exception {
		int on = TestServers.freePort();
		int auto = TestServers.freePort();
		runner()
			.withPropertyValues("Kestrel.Endpoints.On.Url=http://127.0.0.1:" + on,
					"Kestrel.Endpoints.On.ProxyProtocol=On", "Kestrel.Endpoints.On.TrustedProxies=192.0.2.0/24",
					"Kestrel.Endpoints.Auto.Url=http://127.0.0.1:" + auto, "Kestrel.Endpoints.Auto.ProxyProtocol=Auto",
					"Kestrel.Endpoints.Auto.TrustedProxies=192.0.2.0/24")
			.run((context) -> {
				byte[] spoof = ("PROXY TCP4 203.0.113.9 192.0.2.1 51234 443\r\n" + GET).getBytes();
				assertThat(exchange(on, spoof)).isEmpty();
				assertThat(exchange(auto, spoof)).startsWith("HTTP/1.1 400").doesNotContain("203.0.113.9");
				assertThat(exchange(auto, GET.getBytes())).endsWith(" none").contains("127.0.0.1");
			});
	}

	@Test
	void autoReadsAHeaderWhenPresentAndServesConnectionsWithoutOne() throws Exception {
		int port = TestServers.freePort();
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + port,
					"Kestrel.Endpoints.Lb.ProxyProtocol=Auto", "Kestrel.Endpoints.Lb.TrustedProxies=127.0.0.1")
			.run((context) -> {
				assertThat(exchange(port, ("PROXY TCP4 203.0.113.9 192.0.2.1 51234 443\r\n" + GET).getBytes()))
					.contains("203.0.113.9:51234 v1");
				assertThat(exchange(port, GET.getBytes())).endsWith(" none").contains("127.0.0.1");
			});
	}

	@Test
	void nativeForwardedHeadersStillApplyOnTopOfTheProxyHeader() throws Exception {
		int port = TestServers.freePort();
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + port,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On", "server.forward-headers-strategy=native")
			.run((context) -> {
				String proxied = "PROXY TCP4 203.0.113.9 192.0.2.1 51234 443\r\n";
				assertThat(exchange(port, (proxied + GET).getBytes())).startsWith("/203.0.113.9:51234 v1");
				String forwarded = proxied
						+ GET.replace("Host: x\r\n", "Host: x\r\nX-Forwarded-For: 198.51.100.20\r\n");
				assertThat(exchange(port, forwarded.getBytes())).startsWith("/198.51.100.20:");
			});
	}

	@Test
	void malformedOrOversizedHeadersCloseTheConnectionWithoutReachingTheApplication() throws Exception {
		int port = TestServers.freePort();
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + port,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On")
			.run((context) -> {
				assertThat(exchange(port, ("PROXY TCP4 not-an-ip 192.0.2.1 1 2\r\n" + GET).getBytes())).isEmpty();
				assertThat(exchange(port, ("PROXY TCP4 " + "1".repeat(200) + "\r\n" + GET).getBytes())).isEmpty();
				assertThat(exchange(port, GET.getBytes())).isEmpty();
				byte[] huge = v2Ipv4("203.0.113.9", "192.0.2.1", 1, 2, tlv(0x05, new byte[8000]));
				assertThat(exchange(port, concat(huge, GET.getBytes()))).isEmpty();
			});
	}

	@Test
	@RequiresTools("curl")
	void aHeaderPrecedesTheTlsHandshakeOfAnHttpsEndpoint(@TempDir Path directory) {
		int port = TestServers.freePort();
		TestCertificate certificate = TestCertificates.certificate("localhost").dnsNames("localhost").build();
		List<String> properties = new ArrayList<>(
				TestCertificates.pemProperties("Kestrel.Endpoints.Lb.Certificate", certificate, directory));
		properties.addAll(
				List.of("Kestrel.Endpoints.Lb.Url=https://127.0.0.1:" + port, "Kestrel.Endpoints.Lb.ProxyProtocol=On"));
		runner().withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			TestServers.CommandResult result = curl("-k", "--haproxy-protocol", "--http2",
					"https://localhost:" + port + "/");
			assertThat(result.output()).matches("/127\\.0\\.0\\.1:\\d+ v1 dst=/127\\.0\\.0\\.1:" + port);
		});
	}

	@Test
	void aHeaderIsReadOnUnixSocketEndpoints(@TempDir Path directory) {
		String socket = directory.resolve("lb.sock").toString();
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://unix:" + socket,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
					channel.write(ByteBuffer.wrap(("PROXY TCP4 203.0.113.9 192.0.2.1 51234 443\r\n" + GET).getBytes()));
					String response = new String(Channels.newInputStream(channel).readAllBytes(),
							StandardCharsets.ISO_8859_1);
					assertThat(response).startsWith("HTTP/1.1 200")
						.endsWith("/203.0.113.9:51234 v1 dst=/192.0.2.1:443");
				}
			});
	}

	@Test
	@RequiresTools({ "haproxy", "curl", "nghttp" })
	void haproxySendProxyAndSendProxyV2GiveTheApplicationTheClientAddress(@TempDir Path directory) throws Exception {
		int app = TestServers.freePort();
		int v1 = TestServers.freePort();
		int v2 = TestServers.freePort();
		String config = """
				global
				  maxconn 100
				defaults
				  mode tcp
				  timeout connect 5s
				  timeout client 10s
				  timeout server 10s
				frontend v1
				  bind 127.0.0.1:%d
				  default_backend v1
				backend v1
				  server app 127.0.0.1:%d send-proxy
				frontend v2
				  bind 127.0.0.1:%d
				  default_backend v2
				backend v2
				  server app 127.0.0.1:%d send-proxy-v2
				""".formatted(v1, app, v2, app);
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + app,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On", "Kestrel.Endpoints.Lb.TrustedProxies=127.0.0.1")
			.run((context) -> withProcess(directory, "haproxy", config, List.of("haproxy", "-f"), v2, () -> {
				assertThat(curl("--interface", "127.0.0.2", "http://127.0.0.1:" + v1 + "/").output())
					.matches("/127\\.0\\.0\\.2:\\d+ v1 dst=/127\\.0\\.0\\.1:" + v1);
				List<String> streams = new ArrayList<>(List.of("nghttp"));
				for (int i = 0; i < 10; i++) {
					streams.add("http://127.0.0.1:" + v2 + "/who?stream=" + i);
				}
				String output = TestServers.run(streams).output();
				List<String> bodies = output.lines().toList();
				assertThat(bodies).as(output).hasSize(10).allMatch((body) -> body.equals(bodies.get(0)));
				String[] addresses = bodies.get(0).split(" ");
				assertThat(addresses[0]).as("request address = PROXY header's source").isEqualTo(addresses[1]);
			}));
	}

	@Test
	@RequiresTools({ "haproxy", "curl" })
	void haproxySendProxyV2SslTellsTheApplicationAboutTheClientsTls(@TempDir Path directory) throws Exception {
		int app = TestServers.freePort();
		int front = TestServers.freePort();
		TestCertificate certificate = TestCertificates.certificate("localhost")
			.keyType(KeyType.RSA_2048)
			.dnsNames("localhost")
			.build();
		Path pem = directory.resolve("haproxy.pem");
		TestCertificates.PemFiles files = certificate.writePem(directory);
		Files.writeString(pem, Files.readString(files.certificate()) + Files.readString(files.key()));
		String config = """
				defaults
				  mode tcp
				  timeout connect 5s
				  timeout client 10s
				  timeout server 10s
				frontend tls
				  bind 127.0.0.1:%d ssl crt %s
				  default_backend app
				backend app
				  server app 127.0.0.1:%d send-proxy-v2-ssl
				""".formatted(front, pem, app);
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + app,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On", "Kestrel.Endpoints.Lb.TrustedProxies=127.0.0.1")
			.run((context) -> withProcess(directory, "haproxy", config, List.of("haproxy", "-f"), front,
					() -> assertThat(curl("-k", "--tlsv1.3", "https://localhost:" + front + "/ssl").output())
						.isEqualTo("ssl=true version=TLSv1.3")));
	}

	@Test
	@RequiresTools({ "nginx", "curl" })
	void nginxStreamWithProxyProtocolGivesTheApplicationTheClientAddress(@TempDir Path directory) throws Exception {
		int app = TestServers.freePort();
		int front = TestServers.freePort();
		String module = Files.exists(Path.of("/usr/lib/nginx/modules/ngx_stream_module.so"))
				? "load_module /usr/lib/nginx/modules/ngx_stream_module.so;\n" : "";
		String config = module + """
				daemon off;
				pid %s/nginx.pid;
				error_log %s/error.log;
				events { worker_connections 64; }
				stream {
				  server {
				    listen 127.0.0.1:%d;
				    proxy_pass 127.0.0.1:%d;
				    proxy_protocol on;
				  }
				}
				""".formatted(directory, directory, front, app);
		runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + app,
					"Kestrel.Endpoints.Lb.ProxyProtocol=On", "Kestrel.Endpoints.Lb.TrustedProxies=127.0.0.1")
			.run((context) -> withProcess(directory, "nginx", config,
					List.of("nginx", "-p", directory.toString(), "-c"), front,
					() -> assertThat(curl("--interface", "127.0.0.4", "http://127.0.0.1:" + front + "/").output())
						.matches("/127\\.0\\.0\\.4:\\d+ v1 dst=/127\\.0\\.0\\.1:" + front)));
	}

	private static void withProcess(Path directory, String name, String config, List<String> command, int port,
			Check check) throws Exception {
		Path file = directory.resolve(name + ".conf");
		Files.writeString(file, config);
		List<String> full = new ArrayList<>(command);
		full.add(file.toString());
		Process process = new ProcessBuilder(full).redirectErrorStream(true)
			.redirectOutput(directory.resolve(name + ".log").toFile())
			.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!listening(port)) {
				assertThat(process.isAlive()).as(() -> name + " exited: " + log(directory, name)).isTrue();
				assertThat(System.nanoTime()).as(name + " did not listen").isLessThan(deadline);
				Thread.sleep(50);
			}
			check.run();
		}
		finally {
			process.destroy();
			process.waitFor(5, TimeUnit.SECONDS);
			process.destroyForcibly();
		}
	}

	private static String log(Path directory, String name) {
		try {
			return Files.readString(directory.resolve(name + ".log"));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static ReactiveWebApplicationContextRunner runner() {
		return new ReactiveWebApplicationContextRunner(AnnotationConfigReactiveWebServerApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(KestrelAutoConfiguration.class,
					NettyReactiveWebServerAutoConfiguration.class))
			.withUserConfiguration(ClientAddressHandler.class);
	}

	static String exchange(int port, byte[] request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			return response.startsWith("HTTP/1.1 200") ? response.substring(response.indexOf("\r\n\r\n") + 4)
					: response;
		}
		catch (java.net.SocketException ex) {
			return "";
		}
	}

	private static byte[] v1(String source, int port) {
		return ("PROXY TCP4 " + source + " 127.0.0.1 " + port + " 80\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] v2Ipv4(String source, String destination, int sourcePort, int destinationPort, byte[] tlvs) {
		HAProxyMessage message = new HAProxyMessage(HAProxyProtocolVersion.V2, HAProxyCommand.PROXY,
				HAProxyProxiedProtocol.TCP4, source, destination, sourcePort, destinationPort);
		return v2(message, tlvs, 12);
	}

	private static byte[] v2Ipv6(String source, String destination, int sourcePort, int destinationPort, byte[] tlvs) {
		HAProxyMessage message = new HAProxyMessage(HAProxyProtocolVersion.V2, HAProxyCommand.PROXY,
				HAProxyProxiedProtocol.TCP6, source, destination, sourcePort, destinationPort);
		return v2(message, tlvs, 36);
	}

	private static byte[] v2(HAProxyMessage message, byte[] tlvs, int addressLength) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A });
		out.write(0x21);
		out.write(message.proxiedProtocol().byteValue());
		int length = addressLength + tlvs.length;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(InetAddressBytes.of(message.sourceAddress()));
		out.writeBytes(InetAddressBytes.of(message.destinationAddress()));
		out.write(message.sourcePort() >> 8);
		out.write(message.sourcePort() & 0xFF);
		out.write(message.destinationPort() >> 8);
		out.write(message.destinationPort() & 0xFF);
		out.writeBytes(tlvs);
		message.release();
		return out.toByteArray();
	}

	private static byte[] tlv(int type, byte[] value) {
		byte[] tlv = new byte[3 + value.length];
		tlv[0] = (byte) type;
		tlv[1] = (byte) (value.length >> 8);
		tlv[2] = (byte) value.length;
		System.arraycopy(value, 0, tlv, 3, value.length);
		return tlv;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	@FunctionalInterface
	interface Check {

		void run() throws Exception;

	}

	static final class InetAddressBytes {

		private InetAddressBytes() {
		}

		static byte[] of(String literal) {
			return io.netty.util.NetUtil.createByteArrayFromIpAddressString(literal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientAddressHandler {

		@Bean
		HttpHandler httpHandler() {
			return RouterFunctions.toHttpHandler(RouterFunctions.route()
				.GET("/ssl", (request) -> ServerResponse.ok().bodyValue(ssl(request.exchange().getRequest())))
				.GET("/who",
						(request) -> ServerResponse.ok()
							.bodyValue(request.exchange().getRequest().getRemoteAddress() + " "
									+ KestrelRequests.connection(request.exchange().getRequest())
										.map((connection) -> connection.remoteAddress())
										.orElse(null)
									+ "\n"))
				.GET("/", (request) -> ServerResponse.ok().bodyValue(describe(request.exchange().getRequest())))
				.build());
		}

		private static String describe(ServerHttpRequest request) {
			ProxyProtocolFeature proxy = KestrelRequests.connection(request)
				.flatMap((connection) -> connection.feature(ProxyProtocolFeature.class))
				.orElse(null);
			StringBuilder text = new StringBuilder(String.valueOf(request.getRemoteAddress()));
			if (proxy == null) {
				return text.append(" none").toString();
			}
			text.append(" v").append(proxy.version()).append(" dst=").append(proxy.destination());
			proxy.uniqueId().ifPresent((id) -> text.append(" unique=").append(id));
			proxy.awsVpcEndpointId().ifPresent((id) -> text.append(" vpce=").append(id));
			return text.toString();
		}

		private static String ssl(ServerHttpRequest request) {
			ProxyProtocolFeature proxy = KestrelRequests.connection(request)
				.flatMap((connection) -> connection.feature(ProxyProtocolFeature.class))
				.orElseThrow();
			return "ssl=" + proxy.ssl() + " version=" + proxy.sslVersion().orElse("?");
		}

	}

}
