package dev.kestrel.internal.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.internal.limits.LimitsTestServer.exchange;
import static dev.kestrel.internal.limits.LimitsTestServer.headers;
import static dev.kestrel.internal.limits.LimitsTestServer.port;
import static dev.kestrel.internal.limits.LimitsTestServer.requestLine;
import static dev.kestrel.internal.limits.LimitsTestServer.statusLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kestrel's HTTP/1.1 limits at their edges, with raw sockets and curl: just under
 * succeeds, just over gets Kestrel's response.
 */
class Http1LimitsIntegrationTests {

	@Test
	void requestLineOfExactlyMaxRequestLineSizeIsServedAndOneByteMoreGets414() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Limits.MaxRequestLineSize=100")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				String under = exchange(port, requestLine(100) + "Host: x\r\nConnection: close\r\n\r\n");
				String over = exchange(port, requestLine(101) + "Host: x\r\nConnection: close\r\n\r\n");
				assertThat(statusLine(under)).startsWith("HTTP/1.1 404 ");
				assertThat(statusLine(over)).startsWith("HTTP/1.1 414 ");
				assertThat(over.toLowerCase(java.util.Locale.ROOT)).contains("content-length: 0\r\n",
						"connection: close\r\n");
			});
	}

	@Test
	void requestLineLimitDefaultsToKestrels8KbNotSpringBoots4Kb() {
		LimitsTestServer.runner().withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0").run((context) -> {
			int port = port(context.getSourceApplicationContext(), "Api");
			assertThat(statusLine(exchange(port, requestLine(8192) + "Host: x\r\nConnection: close\r\n\r\n")))
				.startsWith("HTTP/1.1 404 ");
			assertThat(statusLine(exchange(port, requestLine(8193) + "Host: x\r\nConnection: close\r\n\r\n")))
				.startsWith("HTTP/1.1 414 ");
		});
	}

	@Test
	void headerSectionOfExactlyMaxRequestHeadersTotalSizeIsServedAndOneByteMoreGets431() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MaxRequestHeadersTotalSize=200")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				String close = "Connection: close\r\n";
				String under = exchange(port, "GET / HTTP/1.1\r\n" + headers(200 - close.length()) + close + "\r\n");
				String over = exchange(port, "GET / HTTP/1.1\r\n" + headers(201 - close.length()) + close + "\r\n");
				assertThat(statusLine(under)).startsWith("HTTP/1.1 200 ");
				assertThat(statusLine(over)).startsWith("HTTP/1.1 431 ");
				assertThat(over.toLowerCase(java.util.Locale.ROOT)).contains("content-length: 0\r\n",
						"connection: close\r\n");
			});
	}

	@Test
	@RequiresTools("curl")
	void hundredHeadersAreServedAndAHundredAndFirstGets431WithCurl() {
		LimitsTestServer.runner().withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0").run((context) -> {
			String url = "http://127.0.0.1:" + port(context.getSourceApplicationContext(), "Api") + "/";
			// curl sends Host, User-Agent and Accept itself
			assertThat(curlWithHeaders(url, 97)).isEqualTo("200");
			assertThat(curlWithHeaders(url, 98)).isEqualTo("431");
		});
	}

	@Test
	void requestBodyOfExactlyMaxRequestBodySizeIsReadAndOneByteMoreGets413() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MaxRequestBodySize=1000")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				String under = exchange(port, post(1000, false));
				String over = exchange(port, post(1001, false));
				String chunkedOver = exchange(port, post(1001, true));
				assertThat(statusLine(under)).startsWith("HTTP/1.1 200 ");
				assertThat(under).endsWith("1000");
				assertThat(statusLine(over)).startsWith("HTTP/1.1 413 ");
				assertThat(statusLine(chunkedOver)).startsWith("HTTP/1.1 413 ");
			});
	}

	@Test
	void applicationRaisesTheBodyLimitOfOneRequestBeforeReadingIt() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MaxRequestBodySize=1000")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				String raised = exchange(port, post(5000, false).replace("/echo", "/echo?max=5000"));
				assertThat(statusLine(raised)).startsWith("HTTP/1.1 200 ");
				assertThat(raised).endsWith("5000");
			});
	}

	@Test
	void endpointLimitBeatsTheGlobalOneAndEndpointDefaultsApplyToOthers() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Limits.MaxRequestLineSize=100",
					"Kestrel.EndpointDefaults.Limits.MaxRequestBodySize=10",
					"Kestrel.Endpoints.Small.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Large.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Large.Limits.MaxRequestLineSize=1000")
			.run((context) -> {
				int small = port(context.getSourceApplicationContext(), "Small");
				int large = port(context.getSourceApplicationContext(), "Large");
				String request = requestLine(500) + "Host: x\r\nConnection: close\r\n\r\n";
				assertThat(statusLine(exchange(small, request))).startsWith("HTTP/1.1 414 ");
				assertThat(statusLine(exchange(large, request))).startsWith("HTTP/1.1 404 ");
				assertThat(statusLine(exchange(large, post(11, false)))).startsWith("HTTP/1.1 413 ");
			});
	}

	@Test
	void keepAliveRequestsAreEachGuardedAfterFixedAndChunkedBodies() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Limits.MaxRequestLineSize=100")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				String keepAlive = post(50, false).replace("Connection: close\r\n", "")
						+ post(50, true).replace("Connection: close\r\n", "") + requestLine(101) + "Host: x\r\n\r\n";
				String responses = exchange(port, keepAlive);
				assertThat(responses.split("HTTP/1.1 200 OK", -1)).as(responses).hasSize(3);
				assertThat(responses).contains("HTTP/1.1 414 ");
				assertThat(responses.lastIndexOf("HTTP/1.1 200 OK")).as("after the earlier responses")
					.isLessThan(responses.indexOf("HTTP/1.1 414 "));
			});
	}

	@Test
	void idleConnectionIsClosedAfterKeepAliveTimeout() throws Exception {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Limits.KeepAliveTimeout=1s")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
					socket.setSoTimeout(5000);
					socket.getOutputStream()
						.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					long start = System.nanoTime();
					String all = LimitsTestServer.readAll(socket.getInputStream());
					long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
					assertThat(statusLine(all)).startsWith("HTTP/1.1 200 ");
					assertThat(elapsed).as("closed by the server, not by the 5 s read timeout").isLessThan(4000);
				}
			});
	}

	@Test
	void slowlorisHeadersAreCutWith408AtRequestHeadersTimeoutWhile200NormalRequestsSucceed() throws Exception {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.RequestHeadersTimeout=00:00:02")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				ExecutorService pool = Executors.newFixedThreadPool(9);
				try {
					Future<String> slowloris = pool
						.submit(() -> slowly(port, "GET / HTTP/1.1\r\nHost: x\r\nX-A: " + "b".repeat(20) + "\r\n\r\n"));
					List<Callable<String>> normal = new ArrayList<>();
					for (int i = 0; i < 200; i++) {
						normal.add(() -> statusLine(
								exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
					}
					for (Future<String> result : pool.invokeAll(normal)) {
						assertThat(result.get()).startsWith("HTTP/1.1 200 ");
					}
					String cut = slowloris.get(10, TimeUnit.SECONDS);
					assertThat(statusLine(cut)).startsWith("HTTP/1.1 408 ");
				}
				finally {
					pool.shutdownNow();
				}
			});
	}

	@Test
	void maxConcurrentConnectionsServesExactlyTenOfFiftyClientsAndLeaksNoDescriptor() throws Exception {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MaxConcurrentConnections=10")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
				Thread.sleep(200);
				long descriptorsBefore = openDescriptors();
				List<Socket> sockets = new ArrayList<>();
				try {
					for (int i = 0; i < 50; i++) {
						Socket socket = new Socket();
						socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
						socket.setSoTimeout(5000);
						sockets.add(socket);
					}
					for (Socket socket : sockets) {
						socket.getOutputStream()
							.write("GET /hold HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
								.getBytes(StandardCharsets.US_ASCII));
					}
					int served = 0;
					int closed = 0;
					for (Socket socket : sockets) {
						String response;
						try {
							response = LimitsTestServer.readAll(socket.getInputStream());
						}
						catch (IOException ex) {
							response = "";
						}
						if (response.startsWith("HTTP/1.1 200 OK")) {
							served++;
						}
						else if (response.isEmpty()) {
							closed++;
						}
					}
					assertThat(served).isEqualTo(10);
					assertThat(closed).isEqualTo(40);
				}
				finally {
					for (Socket socket : sockets) {
						socket.close();
					}
				}
				assertThat(statusLine(exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")))
					.as("places are given back")
					.startsWith("HTTP/1.1 200 ");
				Thread.sleep(500);
				assertThat(openDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 2);
			});
	}

	private static long openDescriptors() throws IOException {
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
			return files.count();
		}
	}

	private static String post(int size, boolean chunked) {
		String body = "x".repeat(size);
		if (chunked) {
			return "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ Integer.toHexString(size) + "\r\n" + body + "\r\n0\r\n\r\n";
		}
		return "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + size + "\r\n\r\n" + body;
	}

	/** Sends a request one byte every 100 ms (bounded by the request's length). */
	private static String slowly(int port, String request) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(8000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			for (byte b : request.getBytes(StandardCharsets.US_ASCII)) {
				try {
					out.write(b);
					out.flush();
				}
				catch (IOException ex) {
					break;
				}
				if (in.available() > 0) {
					break;
				}
				Thread.sleep(100);
			}
			return LimitsTestServer.readAll(in);
		}
	}

	private static String curlWithHeaders(String url, int extraHeaders) {
		List<String> args = new ArrayList<>(List.of("-o", "/dev/null", "-w", "%{http_code}"));
		for (int i = 0; i < extraHeaders; i++) {
			args.add("-H");
			args.add("X-H" + i + ": v");
		}
		args.add(url);
		return TestServers.curl(args.toArray(new String[0])).output();
	}

}
