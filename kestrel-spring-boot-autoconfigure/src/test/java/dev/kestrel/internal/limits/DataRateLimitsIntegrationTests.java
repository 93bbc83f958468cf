package dev.kestrel.internal.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.kestrel.internal.limits.LimitsTestServer.exchange;
import static dev.kestrel.internal.limits.LimitsTestServer.port;
import static dev.kestrel.internal.limits.LimitsTestServer.statusLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kestrel's data rates with raw sockets on loopback: {@code MinRequestBodyDataRate} (408
 * and a log line, per-request override) and {@code MinResponseDataRate} (connection
 * aborted), with small configured values so that each test takes a few seconds.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataRateLimitsIntegrationTests {

	private static final String SLOW_BODY_HEAD = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n";

	@Test
	void slowBodyAtOneBytePerSecondIsCutWith408AfterTheGracePeriodWhile200NormalRequestsSucceed(CapturedOutput output)
			throws Exception {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MinRequestBodyDataRate.BytesPerSecond=100",
					"Kestrel.Limits.MinRequestBodyDataRate.GracePeriod=00:00:02")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				ExecutorService pool = Executors.newFixedThreadPool(9);
				try {
					long start = System.nanoTime();
					Future<String> slow = pool.submit(() -> slowBody(port, SLOW_BODY_HEAD, 20));
					List<Callable<String>> normal = new ArrayList<>();
					for (int i = 0; i < 200; i++) {
						normal.add(() -> statusLine(exchange(port,
								"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")));
					}
					for (Future<String> result : pool.invokeAll(normal)) {
						assertThat(result.get()).startsWith("HTTP/1.1 200 ");
					}
					String cut = slow.get(15, TimeUnit.SECONDS);
					long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
					assertThat(statusLine(cut)).startsWith("HTTP/1.1 408 ");
					assertThat(cut).containsIgnoringCase("connection: close");
					assertThat(seconds).as("cut at the first 1 s tick after the 2 s grace period, not at 20 bytes")
						.isBetween(2L, 5L);
					assertThat(output).contains("the request timed out because it was not sent by the client at a "
							+ "minimum of 100 bytes/second.");
				}
				finally {
					pool.shutdownNow();
				}
			});
	}

	@Test
	void requestTurnsItsMinimumBodyDataRateOffBeforeReading() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MinRequestBodyDataRate.BytesPerSecond=100",
					"Kestrel.Limits.MinRequestBodyDataRate.GracePeriod=00:00:02")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				String response = slowBody(port,
						"POST /echo?minRate=none HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nConnection: close\r\n\r\n",
						4);
				assertThat(statusLine(response)).startsWith("HTTP/1.1 200 ");
				assertThat(response).endsWith("\r\n\r\n4");
			});
	}

	@Test
	void bodyFasterThanTheMinimumIsReadWhole() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MinRequestBodyDataRate.BytesPerSecond=2",
					"Kestrel.Limits.MinRequestBodyDataRate.GracePeriod=00:00:02")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				String response = slowBody(port,
						"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nConnection: close\r\n\r\n", 4);
				assertThat(statusLine(response))
					.as("4 bytes in 4 s: 1 B/s against a 2 B/s minimum would be cut; " + "this client sends 3 B/s")
					.startsWith("HTTP/1.1 200 ");
			});
	}

	@Test
	void clientThatStopsReadingTheResponseIsAbortedAtMinResponseDataRate(CapturedOutput output) throws Exception {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MinResponseDataRate.BytesPerSecond=10000000",
					"Kestrel.Limits.MinResponseDataRate.GracePeriod=00:00:02")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				assertThat(stalledDownload(port)).as("aborted before the 16 MB were sent")
					.isLessThan(16L * 1024 * 1024);
				assertThat(output).contains(
						"the connection was closed because the response was not read by the client at the specified "
								+ "minimum data rate.");
				assertThat(download(port)).as("a client that reads gets everything").isEqualTo(16L * 1024 * 1024);
			});
	}

	@Test
	void withoutMinResponseDataRateAStalledClientGetsTheWholeResponseLater() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Limits.MinResponseDataRate.BytesPerSecond=0")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				assertThat(stalledDownload(port)).isEqualTo(16L * 1024 * 1024);
			});
	}

	/**
	 * Sends a request head, then its body one byte per second (the server answering stops
	 * it), then reads until the server closes.
	 */
	private static String slowBody(int port, String head, int bodyBytes) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			for (int i = 0; i < bodyBytes; i++) {
				if (in.available() > 0) {
					break;
				}
				try {
					out.write('b');
					out.flush();
				}
				catch (IOException ex) {
					break;
				}
				if (i < bodyBytes - 1) {
					Thread.sleep((bodyBytes <= 4) ? 330 : 1000);
				}
			}
			return LimitsTestServer.readAll(in);
		}
	}

	/**
	 * Asks for {@code /big} with a small receive buffer, reads nothing for 8 s, then
	 * reads what is left.
	 * @return the body bytes received
	 */
	private static long stalledDownload(int port) throws Exception {
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(4096);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.getOutputStream()
				.write("GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			Thread.sleep(8000);
			return bodyLength(socket);
		}
	}

	private static long download(int port) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.getOutputStream()
				.write("GET /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			return bodyLength(socket);
		}
	}

	/** Reads to the end (or a reset) and counts the bytes after the response head. */
	private static long bodyLength(Socket socket) throws IOException {
		socket.setSoTimeout(10000);
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[65536];
		long total = 0;
		long headLength = -1;
		StringBuilder head = new StringBuilder();
		try {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (headLength < 0) {
					head.append(new String(buffer, 0, Math.min(n, 4096), StandardCharsets.ISO_8859_1));
					int end = head.indexOf("\r\n\r\n");
					if (end >= 0) {
						headLength = end + 4;
					}
				}
				total += n;
			}
		}
		catch (SocketTimeoutException | java.net.SocketException ex) {
			// aborted
		}
		return (headLength < 0) ? 0 : dechunkedLength(total - headLength, head.toString());
	}

	/**
	 * The body is chunked (no Content-Length): subtract the chunk framing of 8 KB chunks.
	 */
	private static long dechunkedLength(long wireBytes, String head) {
		if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
			return wireBytes;
		}
		long framing = "2000\r\n\r\n".length();
		long chunks = wireBytes / (LimitsTestServer.BIG_CHUNK + framing);
		long whole = chunks * LimitsTestServer.BIG_CHUNK;
		return (wireBytes == 2048 * (LimitsTestServer.BIG_CHUNK + framing) + "0\r\n\r\n".length()) ? 16L * 1024 * 1024
				: whole;
	}

}
