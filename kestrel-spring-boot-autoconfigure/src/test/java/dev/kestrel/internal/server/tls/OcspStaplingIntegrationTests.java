package dev.kestrel.internal.server.tls;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OCSP stapling against a real responder ({@code openssl ocsp -port}, responses valid for
 * one minute) and a test CA generated with {@code openssl} at test time, as
 * {@code openssl s_client -status} sees it: the endpoint's certificate and an SNI entry's
 * are stapled, the response is fetched again before its {@code nextUpdate},
 * {@code OcspStapling: false} (endpoint or SNI entry) and the JDK engine staple nothing,
 * and a responder that is down leaves handshakes unstapled with one log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@RequiresTools("openssl")
class OcspStaplingIntegrationTests {

	private static final Pattern THIS_UPDATE = Pattern.compile("This Update: (.+)");

	@TempDir
	static Path directory;

	static Process responder;

	static Path ca;

	static Chain good;

	static Chain unreachable;

	@BeforeAll
	static void createCertificatesAndStartTheResponder() throws Exception {
		ca = directory.resolve("ca.pem");
		run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
				directory.resolve("ca.key").toString(), "-out", ca.toString(), "-subj", "/CN=OCSP Test CA", "-days",
				"2", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		int responderPort = freePort();
		good = issue("good", "http://127.0.0.1:" + responderPort + "/");
		unreachable = issue("unreachable", "http://127.0.0.1:" + freePort() + "/");
		String index = indexLine(good) + indexLine(unreachable);
		Files.writeString(directory.resolve("index.txt"), index);
		Files.writeString(directory.resolve("index.txt.attr"), "unique_subject = no\n");
		responder = new ProcessBuilder("openssl", "ocsp", "-index", directory.resolve("index.txt").toString(), "-port",
				String.valueOf(responderPort), "-rsigner", ca.toString(), "-rkey",
				directory.resolve("ca.key").toString(), "-CA", ca.toString(), "-nmin", "1", "-ignore_err")
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("responder.log").toFile())
			.start();
		// openssl ocsp serves one connection at a time and hangs on one that closes
		// without a
		// request: wait for its banner rather than probing the port
		Path log = directory.resolve("responder.log");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!Files.readString(log).contains("waiting for OCSP client connections")) {
			if (System.nanoTime() > deadline || !responder.isAlive()) {
				throw new IllegalStateException("openssl ocsp did not start: " + Files.readString(log));
			}
			Thread.sleep(100);
		}
	}

	@AfterAll
	static void stopTheResponder() {
		if (responder != null) {
			responder.destroy();
		}
	}

	@Test
	void opensslStatusShowsASuccessfulStapledResponseAndAfterItsNextUpdateAFresherOne() throws Exception {
		try (ConfigurableApplicationContext app = start("A", good)) {
			int port = TlsHardeningIntegrationTests.port(app, "A");
			String first = statusUntil(port, "localhost", (output) -> output.contains("OCSP Response Status"));
			assertThat(first).contains("OCSP Response Status: successful (0x0)")
				.contains("Cert Status: good")
				.contains("Verify return code: 0 (ok)")
				.contains("HTTP/1.1 200");
			String firstUpdate = thisUpdate(first);
			// the responder's answers are valid for one minute: wait past the first one's
			// nextUpdate
			Thread.sleep(Duration.ofSeconds(61).toMillis());
			String later = status(port, "localhost");
			assertThat(later).contains("OCSP Response Status: successful (0x0)").contains("Cert Status: good");
			assertThat(thisUpdate(later)).isNotEqualTo(firstUpdate);
		}
	}

	@Test
	void anSniEntrysCertificateIsStapledAndOcspStaplingFalseOnAnEntryTurnsItOff() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class)
			.properties("Kestrel.Endpoints.S.Url=https://127.0.0.1:0",
					"Kestrel.Endpoints.S.Sni.stapled.test.Certificate.Path=" + good.chain(),
					"Kestrel.Endpoints.S.Sni.stapled.test.Certificate.KeyPath=" + good.key(),
					"Kestrel.Endpoints.S.Sni.plain.test.Certificate.Path=" + good.chain(),
					"Kestrel.Endpoints.S.Sni.plain.test.Certificate.KeyPath=" + good.key(),
					"Kestrel.Endpoints.S.Sni.plain.test.OcspStapling=false")
			.run()) {
			int port = TlsHardeningIntegrationTests.port(app, "S");
			assertThat(statusUntil(port, "stapled.test", (output) -> output.contains("OCSP Response Status")))
				.contains("OCSP Response Status: successful (0x0)");
			assertThat(status(port, "plain.test")).contains("OCSP response: no response sent").contains("HTTP/1.1 200");
		}
	}

	@Test
	void ocspStaplingFalseOnTheEndpointSendsNoResponse() throws Exception {
		try (ConfigurableApplicationContext stapled = start("A", good);
				ConfigurableApplicationContext off = start("B", good, "Kestrel.Endpoints.B.OcspStapling=false")) {
			statusUntil(TlsHardeningIntegrationTests.port(stapled, "A"), "localhost",
					(output) -> output.contains("OCSP Response Status"));
			assertThat(status(TlsHardeningIntegrationTests.port(off, "B"), "localhost"))
				.contains("OCSP response: no response sent")
				.contains("HTTP/1.1 200");
		}
	}

	@Test
	void theJdkEngineStaplesNothingByDefault() throws Exception {
		try (ConfigurableApplicationContext stapled = start("A", good);
				ConfigurableApplicationContext jdk = start("J", good, "Kestrel.Endpoints.J.TlsEngine=Jdk")) {
			statusUntil(TlsHardeningIntegrationTests.port(stapled, "A"), "localhost",
					(output) -> output.contains("OCSP Response Status"));
			assertThat(status(TlsHardeningIntegrationTests.port(jdk, "J"), "localhost"))
				.contains("OCSP response: no response sent")
				.contains("HTTP/1.1 200");
		}
	}

	@Test
	void aResponderThatIsDownLeavesHandshakesUnstapledAndIsLoggedOnce(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext app = start("D", unreachable)) {
			int port = TlsHardeningIntegrationTests.port(app, "D");
			String line = "OCSP stapling of 'CN=unreachable' (endpoint D) paused: the responder "
					+ unreachable.responder();
			// handshakes until the first failure is logged (a connect or request timeout
			// on a busy machine), then
			// through two more retries
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			long until = Long.MAX_VALUE;
			while (System.nanoTime() < Math.min(until, deadline)) {
				assertThat(status(port, "localhost")).contains("OCSP response: no response sent")
					.contains("Verify return code: 0 (ok)")
					.contains("HTTP/1.1 200");
				if (until == Long.MAX_VALUE && output.toString().contains(line)) {
					until = System.nanoTime() + OcspStapler.FIRST_RETRY.multipliedBy(3).plusSeconds(1).toNanos();
				}
				Thread.sleep(1000);
			}
			assertThat(output.toString().split(Pattern.quote(line), -1)).as("one log line for several failures")
				.hasSize(2);
			assertThat(output).contains("handshakes go on without a stapled response");
		}
	}

	private static ConfigurableApplicationContext start(String name, Chain chain, String... more) {
		List<String> properties = new ArrayList<>(List.of("Kestrel.Endpoints." + name + ".Url=https://127.0.0.1:0",
				"Kestrel.Endpoints." + name + ".Certificate.Path=" + chain.chain(),
				"Kestrel.Endpoints." + name + ".Certificate.KeyPath=" + chain.key()));
		properties.addAll(List.of(more));
		return new SpringApplicationBuilder(TestApplication.class).properties(properties.toArray(new String[0])).run();
	}

	private static String statusUntil(int port, String serverName, Predicate<String> done) throws Exception {
		return statusUntil(port, serverName, done, Duration.ofSeconds(15));
	}

	private static String statusUntil(int port, String serverName, Predicate<String> done, Duration timeout)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		String output = status(port, serverName);
		while (!done.test(output) && System.nanoTime() < deadline) {
			Thread.sleep(500);
			output = status(port, serverName);
		}
		assertThat(done).as("s_client output:\n" + output).accepts(output);
		return output;
	}

	private static String thisUpdate(String output) {
		Matcher matcher = THIS_UPDATE.matcher(output);
		return matcher.find() ? matcher.group(1).trim() : "";
	}

	/**
	 * One handshake and request with {@code openssl s_client -status}.
	 */
	private static String status(int port, String serverName) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername",
				serverName, "-CAfile", ca.toString(), "-status", "-ign_eof", "-alpn", "http/1.1")
			.redirectErrorStream(true)
			.start();
		process.getOutputStream()
			.write(("GET / HTTP/1.1\r\nHost: " + serverName + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return output;
	}

	private static Chain issue(String name, String responder) throws Exception {
		Path key = directory.resolve(name + ".key");
		Path csr = directory.resolve(name + ".csr");
		Path certificate = directory.resolve(name + ".pem");
		Path extensions = directory.resolve(name + ".ext");
		Files.writeString(extensions, "subjectAltName=DNS:localhost,DNS:stapled.test,DNS:plain.test,IP:127.0.0.1\n"
				+ "extendedKeyUsage=serverAuth\nauthorityInfoAccess=OCSP;URI:" + responder + "\n");
		run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
				key.toString(), "-out", csr.toString(), "-subj", "/CN=" + name);
		run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey",
				directory.resolve("ca.key").toString(), "-set_serial", String.valueOf(1000 + name.length()), "-days",
				"2", "-out", certificate.toString(), "-extfile", extensions.toString());
		Path chain = directory.resolve(name + "-chain.pem");
		Files.writeString(chain, Files.readString(certificate) + Files.readString(ca));
		String serial = run("openssl", "x509", "-in", certificate.toString(), "-noout", "-serial").trim()
			.substring("serial=".length());
		return new Chain(chain, key, serial, "/CN=" + name, responder);
	}

	private static String indexLine(Chain chain) {
		return "V\t301231235959Z\t\t" + chain.serial() + "\tunknown\t" + chain.subject() + "\n";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
		return output;
	}

	private record Chain(Path chain, Path key, String serial, String subject, String responder) {
	}

}
