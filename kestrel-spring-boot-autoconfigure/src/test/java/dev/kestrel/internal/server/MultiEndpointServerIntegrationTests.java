package dev.kestrel.internal.server;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.kestrel.testing.Causes;
import dev.kestrel.options.EndpointKind;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.testing.TestServers.curl;
import static dev.kestrel.testing.TestServers.get;
import static dev.kestrel.testing.TestServers.server;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MultiEndpointServerIntegrationTests {

	@TempDir
	Path temp;

	@Test
	@RequiresTools("curl")
	void everyKindOfEndpointAnswersRealClientsFromOneApplication(CapturedOutput output) {
		int localhostPort = TestServers.freeLocalhostPort();
		String socket = this.temp.resolve("app.sock").toString();
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.V4.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.V6.Url=http://[::1]:0", "Kestrel.Endpoints.Any.Url=http://*:0",
					"Kestrel.Endpoints.Local.Url=http://localhost:" + localhostPort,
					"Kestrel.Endpoints.Uds.Url=http://unix:" + socket)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KestrelWebServer server = server(context.getSourceApplicationContext());
				assertThat(server.getBoundEndpoints()).extracting(BoundEndpoint::name)
					.containsExactly("V4", "V6", "Any", "Local", "Uds");
				int v4 = port(server, "V4");
				int v6 = port(server, "V6");
				int any = port(server, "Any");
				assertThat(get("http://127.0.0.1:" + v4 + "/").body()).isEqualTo("V4 HTTP/1.1");
				assertThat(get("http://[::1]:" + v6 + "/").body()).isEqualTo("V6 HTTP/1.1");
				assertThat(get("http://127.0.0.1:" + any + "/").body()).isEqualTo("Any HTTP/1.1");
				assertThat(get("http://[::1]:" + any + "/").body()).isEqualTo("Any HTTP/1.1");
				assertThat(get("http://127.0.0.1:" + localhostPort + "/").body()).isEqualTo("Local HTTP/1.1");
				assertThat(get("http://[::1]:" + localhostPort + "/").body()).isEqualTo("Local HTTP/1.1");
				assertThat(curl("--unix-socket", socket, "http://localhost/").output()).isEqualTo("Uds HTTP/1.1");
				assertThat(server.getPort()).as("the first plain-HTTP TCP endpoint").isEqualTo(v4);
				assertThat(context.getEnvironment().getProperty("local.kestrel.V6.port", Integer.class)).isEqualTo(v6);
				assertThat(context.getEnvironment().getProperty("local.kestrel.Local.port", Integer.class))
					.isEqualTo(localhostPort);
				assertThat(output).contains("Now listening on: http://127.0.0.1:" + v4 + "\n",
						"Now listening on: http://[::1]:" + v6 + "\n", "Now listening on: http://[::]:" + any + "\n",
						"Now listening on: http://localhost:" + localhostPort + "\n",
						"Now listening on: http://unix:" + socket + "\n");
			});
		assertThat(Path.of(socket)).doesNotExist();
	}

	@Test
	@RequiresTools("curl")
	void cleartextHttp1AndHttp2EndpointServesPriorKnowledgeAndUpgradeH2c() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Both.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.H1.Url=http://127.0.0.1:0", "Kestrel.Endpoints.H1.Protocols=Http1",
					"Kestrel.Endpoints.H2.Url=http://127.0.0.1:0", "Kestrel.Endpoints.H2.Protocols=Http2")
			.run((context) -> {
				KestrelWebServer server = server(context.getSourceApplicationContext());
				String both = "http://127.0.0.1:" + port(server, "Both") + "/";
				String h1 = "http://127.0.0.1:" + port(server, "H1") + "/";
				String h2 = "http://127.0.0.1:" + port(server, "H2") + "/";
				assertThat(curl("--http2-prior-knowledge", both).output()).isEqualTo("Both HTTP/2.0");
				assertThat(curl("--http2", "-i", both).output()).contains("101 Switching Protocols")
					.endsWith("Both HTTP/2.0");
				assertThat(curl("--http1.1", both).output()).isEqualTo("Both HTTP/1.1");
				assertThat(curl("--http2", h1).output()).isEqualTo("H1 HTTP/1.1");
				assertThat(curl("--http2-prior-knowledge", h2).output()).isEqualTo("H2 HTTP/2.0");
			});
	}

	@Test
	void portInUseFailsStartupNamingTheEndpointAndReleasesEveryOtherEndpoint() throws Exception {
		int free = TestServers.freePort();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int busy = taken.getLocalPort();
			TestServers.runner()
				.withPropertyValues("Kestrel.Endpoints.First.Url=http://127.0.0.1:" + free,
						"Kestrel.Endpoints.Second.Url=http://127.0.0.1:" + busy)
				.run((context) -> {
					assertThat(context).hasFailed();
					EndpointBindException failure = Causes.find(context.getStartupFailure(),
							EndpointBindException.class);
					assertThat(failure.getEndpointName()).isEqualTo("Second");
					assertThat(failure.getConfigurationKey()).isEqualTo("kestrel.endpoints.Second.url");
					assertThat(failure.getMessage())
						.isEqualTo("Failed to bind to address http://127.0.0.1:" + busy + ": address already in use.");
				});
		}
		try (ServerSocket again = new ServerSocket(free, 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(again.isBound()).isTrue();
		}
	}

	@Test
	void localhostFailsWhenItsPortIsTakenOnTheIpv6LoopbackOnly() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
			int port = taken.getLocalPort();
			TestServers.runner()
				.withPropertyValues("Kestrel.Endpoints.Local.Url=http://localhost:" + port)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(Causes.find(context.getStartupFailure(), EndpointBindException.class).getMessage())
						.isEqualTo("Failed to bind to address http://[::1]:" + port + ": address already in use.");
				});
			try (ServerSocket v4 = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
				assertThat(v4.isBound()).as("the IPv4 loopback bound first is released").isTrue();
			}
		}
	}

	@Test
	@RequiresTools("curl")
	void gracefulShutdownCompletesTheRequestInFlightOnEveryEndpoint() throws Exception {
		String socket = this.temp.resolve("graceful.sock").toString();
		var holder = new Object() {
			java.util.concurrent.CompletableFuture<HttpResponse<String>> tcp;

			java.util.concurrent.CompletableFuture<TestServers.CommandResult> uds;

			int port;

		};
		TestServers.runner()
			.withPropertyValues("server.shutdown=graceful", "Kestrel.Endpoints.Tcp.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Uds.Url=http://unix:" + socket)
			.run((context) -> {
				holder.port = port(server(context.getSourceApplicationContext()), "Tcp");
				holder.tcp = java.util.concurrent.CompletableFuture
					.supplyAsync(() -> get("http://127.0.0.1:" + holder.port + "/slow"));
				holder.uds = java.util.concurrent.CompletableFuture
					.supplyAsync(() -> curl("--unix-socket", socket, "http://localhost/slow"));
				Thread.sleep(300);
			});
		assertThat(holder.tcp.get().statusCode()).isEqualTo(200);
		assertThat(holder.tcp.get().body()).isEqualTo("slow done");
		assertThat(holder.uds.get().output()).isEqualTo("slow done");
		try (ServerSocket again = new ServerSocket(holder.port, 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(again.isBound()).isTrue();
		}
		assertThat(Path.of(socket)).doesNotExist();
	}

	@Test
	@RequiresTools("curl")
	void staleUnixSocketFileIsReplacedButALiveOneIsAddressInUse(CapturedOutput output) throws Exception {
		Path socket = this.temp.resolve("stale.sock");
		var address = java.net.UnixDomainSocketAddress.of(socket);
		try (var channel = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
			channel.bind(address);
		}
		assertThat(socket).exists();
		TestServers.runner().withPropertyValues("Kestrel.Endpoints.Uds.Url=http://unix:" + socket).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(curl("--unix-socket", socket.toString(), "http://localhost/").output())
				.isEqualTo("Uds HTTP/1.1");
		});
		assertThat(output).contains("Deleted the stale Unix socket file " + socket);
		try (var live = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
			live.bind(address);
			TestServers.runner()
				.withPropertyValues("Kestrel.Endpoints.Uds.Url=http://unix:" + socket)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(Causes.find(context.getStartupFailure(), EndpointBindException.class).getMessage())
						.isEqualTo("Failed to bind to address http://unix:" + socket + ": address already in use.");
				});
		}
	}

	@Test
	void aPathThatIsNotASocketIsNeverDeleted() throws Exception {
		Path file = Files.writeString(this.temp.resolve("data.txt"), "keep me");
		TestServers.runner().withPropertyValues("Kestrel.Endpoints.Uds.Url=http://unix:" + file).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(Causes.find(context.getStartupFailure(), EndpointBindException.class).getMessage())
				.contains("the path exists and is not a socket");
		});
		assertThat(file).hasContent("keep me");
	}

	@Test
	void withoutAnyConfigurationTheDefaultIsLocalhostPort5000(CapturedOutput output) {
		// the machine's development certificate would add https://localhost:5001
		// (DefaultEndpointsIntegrationTests)
		TestServers.runner().withPropertyValues("kestrel.default-https=false").run((context) -> {
			if (context.getStartupFailure() != null) {
				// port 5000 may be taken on a busy machine: then the failure must say so
				assertThat(Causes.find(context.getStartupFailure(), EndpointBindException.class).getDisplayName())
					.isIn("http://127.0.0.1:5000", "http://[::1]:5000");
				return;
			}
			KestrelWebServer server = server(context.getSourceApplicationContext());
			assertThat(server.getBoundEndpoints()).singleElement().satisfies((endpoint) -> {
				assertThat(endpoint.listenOptions().getKind()).isEqualTo(EndpointKind.LOCALHOST);
				assertThat(endpoint.port()).isEqualTo(5000);
			});
			assertThat(get("http://localhost:5000/").body()).isEqualTo("default HTTP/1.1");
			assertThat(output).contains("Now listening on: http://localhost:5000");
		});
	}

	@Test
	void urlsPropertyIsUsedWhenNoEndpointIsConfiguredAndOverriddenWithAWarningWhenOneIs(CapturedOutput output) {
		TestServers.runner().withPropertyValues("urls=http://127.0.0.1:0; http://[::1]:0").run((context) -> {
			KestrelWebServer server = server(context.getSourceApplicationContext());
			assertThat(server.getBoundEndpoints()).extracting(BoundEndpoint::name).containsExactly("url-0", "url-1");
		});
		TestServers.runner()
			.withPropertyValues("urls=http://127.0.0.1:0", "Kestrel.Endpoints.Api.Url=http://127.0.0.1:0")
			.run((context) -> {
				KestrelWebServer server = server(context.getSourceApplicationContext());
				assertThat(server.getBoundEndpoints()).extracting(BoundEndpoint::name).containsExactly("Api");
			});
		assertThat(output).contains("Overriding address(es) 'http://127.0.0.1:0'. Binding to endpoints defined via "
				+ "configuration and/or code instead.");
	}

	static int port(KestrelWebServer server, String name) {
		return server.getBoundEndpoints()
			.stream()
			.filter((endpoint) -> endpoint.name().equals(name))
			.findFirst()
			.orElseThrow()
			.port();
	}

	static List<String> lines(String text) {
		return List.of(text.split("\n"));
	}

}
