package dev.kestrel.internal.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.kestrel.autoconfigure.KestrelAutoConfiguration;
import dev.kestrel.internal.server.BoundEndpoint;
import dev.kestrel.internal.server.KestrelWebServer;
import dev.kestrel.testing.TestServers;

/**
 * A server for the limits tests: {@code GET /} answers "ok", {@code POST /echo} reads the
 * body and answers its length, {@code POST /echo?max=N} first raises the request's body
 * limit to N, {@code GET /hold} answers after 1.5 s. Raw-socket helpers talk to it byte
 * by byte.
 */
final class LimitsTestServer {

	private LimitsTestServer() {
	}

	static ReactiveWebApplicationContextRunner runner() {
		return new ReactiveWebApplicationContextRunner(AnnotationConfigReactiveWebServerApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(KestrelAutoConfiguration.class,
					NettyReactiveWebServerAutoConfiguration.class))
			.withUserConfiguration(Handler.class);
	}

	static int port(ApplicationContext context, String endpoint) {
		KestrelWebServer server = TestServers.server(context);
		return server.getBoundEndpoints()
			.stream()
			.filter((bound) -> bound.name().equals(endpoint))
			.findFirst()
			.map(BoundEndpoint::port)
			.orElseThrow();
	}

	/**
	 * Sends raw bytes and reads until the server closes or 5 s pass.
	 * @return what the server sent
	 */
	static String exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return readAll(socket.getInputStream());
		}
	}

	static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				received.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			// what arrived so far
		}
		catch (IOException ex) {
			if (received.size() == 0) {
				throw ex;
			}
		}
		return received.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * @param size the request line's length with its CRLF
	 * @return {@code GET /aaa... HTTP/1.1\r\n} of exactly that many bytes
	 */
	static String requestLine(int size) {
		String fixed = "GET / HTTP/1.1\r\n";
		return "GET /" + "a".repeat(size - fixed.length()) + " HTTP/1.1\r\n";
	}

	/**
	 * @param size the header section's length: header lines with their CRLFs, without the
	 * final empty line
	 * @return {@code Host: x\r\nX-Fill: ...\r\n} of exactly that many bytes
	 */
	static String headers(int size) {
		String host = "Host: x\r\n";
		String prefix = "X-Fill: ";
		return host + prefix + "f".repeat(size - host.length() - prefix.length() - 2) + "\r\n";
	}

	static String statusLine(String response) {
		int end = response.indexOf("\r\n");
		return (end >= 0) ? response.substring(0, end) : response;
	}

	@Configuration(proxyBeanMethods = false)
	static class Handler {

		@Bean
		HttpHandler httpHandler() {
			return RouterFunctions.toHttpHandler(RouterFunctions.route()
				.GET("/", (request) -> ServerResponse.ok().bodyValue("ok"))
				.GET("/hold",
						(request) -> Mono.delay(Duration.ofMillis(1500)).then(ServerResponse.ok().bodyValue("held")))
				.POST("/echo", (request) -> {
					request.queryParam("max")
						.ifPresent((max) -> MaxRequestBodySize.of(request.exchange().getRequest())
							.orElseThrow()
							.set(Long.parseLong(max)));
					return request.bodyToMono(byte[].class)
						.map((body) -> body.length)
						.defaultIfEmpty(0)
						.flatMap((length) -> ServerResponse.ok().bodyValue(String.valueOf(length)));
				})
				.build());
		}

	}

}
