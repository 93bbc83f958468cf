package dev.kestrel.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.kestrel.autoconfigure.KestrelAutoConfiguration;
import dev.kestrel.connections.KestrelRequests;
import dev.kestrel.internal.server.KestrelWebServer;

/**
 * Starts real servers for integration tests and talks to them with real clients.
 */
public final class TestServers {

	private TestServers() {
	}

	/**
	 * @return a runner that starts a reactive web server context with the starter and a
	 * handler answering {@code GET /} with the endpoint name and {@code GET /slow} after
	 * one second
	 */
	public static ReactiveWebApplicationContextRunner runner() {
		return new ReactiveWebApplicationContextRunner(AnnotationConfigReactiveWebServerApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(KestrelAutoConfiguration.class,
					NettyReactiveWebServerAutoConfiguration.class))
			.withUserConfiguration(HandlerConfiguration.class);
	}

	/**
	 * @return the server of a started context
	 */
	public static KestrelWebServer server(org.springframework.context.ApplicationContext context) {
		return (KestrelWebServer) ((ReactiveWebServerApplicationContext) context).getWebServer();
	}

	/**
	 * @return a TCP port that was free a moment ago
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return a TCP port free on both loopback addresses a moment ago
	 */
	public static int freeLocalhostPort() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port = freePort();
			try (ServerSocket v6 = new ServerSocket(port, 1, InetAddress.getByName("::1"))) {
				return port;
			}
			catch (IOException ex) {
				// taken on ::1, try another
			}
		}
		throw new IllegalStateException("no free localhost port");
	}

	/**
	 * GETs a URL with the JDK client (HTTP/1.1).
	 * @param url the URL
	 * @return the response
	 */
	public static HttpResponse<String> get(String url) {
		try {
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + url + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs curl and returns what it printed. Tests that call it declare
	 * {@code @RequiresTools("curl")}.
	 * @param args curl's arguments
	 * @return standard output and error
	 */
	public static CommandResult curl(String... args) {
		List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10"));
		command.addAll(List.of(args));
		return run(command);
	}

	/**
	 * Runs a command. Tests that call it declare the program with {@link RequiresTools}.
	 * @param command the command
	 * @return its exit code and output
	 */
	public static CommandResult run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return new CommandResult(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a command returned.
	 *
	 * @param exitCode the exit code
	 * @param output standard output and error
	 */
	public record CommandResult(int exitCode, String output) {
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		HttpHandler httpHandler() {
			return RouterFunctions.toHttpHandler(RouterFunctions.route()
				.GET("/",
						(request) -> ServerResponse.ok()
							.bodyValue(KestrelRequests.endpointName(request.exchange().getRequest()).orElse("?") + " "
									+ KestrelRequests.protocol(request.exchange().getRequest()).orElse("?")))
				.GET("/slow",
						(request) -> Mono.delay(Duration.ofSeconds(1)).then(ServerResponse.ok().bodyValue("slow done")))
				.build());
		}

	}

}
