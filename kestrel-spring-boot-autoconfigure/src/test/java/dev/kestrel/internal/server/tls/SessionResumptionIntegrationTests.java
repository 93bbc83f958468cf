package dev.kestrel.internal.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.diagnostics.TlsMessages;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Session resumption, as {@code openssl s_client -sess_out} / {@code -sess_in} sees it:
 * on by default for TLS 1.2 tickets and TLS 1.3 PSK tickets, off per endpoint with
 * {@code SessionTickets: false}, shared by instances that read one
 * {@code kestrel.tls.session-ticket-keys} file, rotated when the file is replaced.
 */
@ExtendWith(OutputCaptureExtension.class)
@RequiresTools("openssl")
class SessionResumptionIntegrationTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@TempDir
	static Path directory;

	static PemFiles pem;

	static Path rootPem;

	@BeforeAll
	static void createCertificate() {
		TestCertificate root = TestCertificates.certificate("Resumption Root").certificateAuthority().build();
		TestCertificate server = TestCertificates.certificate("localhost")
			.dnsNames("localhost")
			.rsa()
			.signedBy(root)
			.fileName("resumption")
			.build();
		pem = server.writePem(directory);
		rootPem = root.writeCertificatePem(directory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-tls1_2", "-tls1_3" })
	void defaultEndpointResumesSessions(String version) throws IOException {
		try (ConfigurableApplicationContext app = start("A")) {
			int port = TlsHardeningIntegrationTests.port(app, "A");
			Path session = directory.resolve("default" + version + ".pem");
			String first = handshake(port, version, "-sess_out", session.toString());
			assertThat(first).contains("New, TLSv1." + version.charAt(version.length() - 1))
				.contains("TLS session ticket lifetime hint");
			assertThat(handshake(port, version, "-sess_in", session.toString())).contains("Reused, TLSv1.");
		}
	}

	@Test
	void sessionTicketsFalseIssuesNoTicket() throws IOException {
		try (ConfigurableApplicationContext app = start("A", "Kestrel.Endpoints.A.SessionTickets=false")) {
			int port = TlsHardeningIntegrationTests.port(app, "A");
			for (String version : List.of("-tls1_2", "-tls1_3")) {
				Path session = directory.resolve("noticket" + version + ".pem");
				assertThat(handshake(port, version, "-sess_out", session.toString())).as(version)
					.doesNotContain("TLS session ticket lifetime hint");
			}
		}
	}

	@Test
	void instancesSharingAKeyFileResumeEachOthersSessionsAndAReplacedFileRotatesTheKeys(CapturedOutput output)
			throws Exception {
		Path keys = writeKeys(directory.resolve("ticket.keys"), 2);
		try (ConfigurableApplicationContext a = start("A", "kestrel.tls.session-ticket-keys=" + keys);
				ConfigurableApplicationContext b = start("B", "kestrel.tls.session-ticket-keys=" + keys);
				ConfigurableApplicationContext other = start("C")) {
			int portA = TlsHardeningIntegrationTests.port(a, "A");
			int portB = TlsHardeningIntegrationTests.port(b, "B");
			int portOther = TlsHardeningIntegrationTests.port(other, "C");
			for (String version : List.of("-tls1_2", "-tls1_3")) {
				Path session = directory.resolve("shared" + version + ".pem");
				assertThat(handshake(portA, version, "-sess_out", session.toString())).contains("New, ");
				assertThat(handshake(portB, version, "-sess_in", session.toString())).as(version).contains("Reused, ");
				assertThat(handshake(portOther, version, "-sess_in", session.toString())).as(version).contains("New, ");
			}
			Path before = directory.resolve("before-rotation.pem");
			handshake(portA, "-tls1_3", "-sess_out", before.toString());
			Path replacement = writeKeys(directory.resolve("ticket.keys.new"), 1);
			Files.move(replacement, keys, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			String reloaded = TlsMessages.sessionTicketKeysReloaded(keys.toString(), 1);
			while (output.toString().split(Pattern.quote(reloaded), -1).length < 3 && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(output.toString().split(Pattern.quote(reloaded), -1)).as("both instances reloaded").hasSize(3);
			assertThat(handshake(portB, "-tls1_3", "-sess_in", before.toString())).contains("New, ");
			Path after = directory.resolve("after-rotation.pem");
			handshake(portB, "-tls1_3", "-sess_out", after.toString());
			assertThat(handshake(portA, "-tls1_3", "-sess_in", after.toString())).contains("Reused, ");
		}
	}

	@Test
	void eightyByteKeysAreRefusedWithAClearMessage(CapturedOutput output) throws IOException {
		Path keys = directory.resolve("nginx80.key");
		byte[] key = new byte[80];
		RANDOM.nextBytes(key);
		Files.write(keys, key);
		assertThatException().isThrownBy(() -> start("A", "kestrel.tls.session-ticket-keys=" + keys).close());
		assertThat(output).contains(TlsMessages.sessionTicketKeysTooLong(keys.toString()).description())
			.contains("kestrel.tls.session-ticket-keys");
	}

	@Test
	void aKeyFileOnAJdkEndpointFailsStartup(CapturedOutput output) throws IOException {
		Path keys = writeKeys(directory.resolve("jdk.keys"), 1);
		assertThatException()
			.isThrownBy(() -> start("A", "kestrel.tls.session-ticket-keys=" + keys, "Kestrel.Endpoints.A.TlsEngine=Jdk")
				.close());
		assertThat(output).contains(TlsMessages.sessionTicketKeysWithJdkEngine("A").description());
	}

	@Test
	void sessionTicketsFalseOnAJdkEndpointFailsStartup(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> start("A", "Kestrel.Endpoints.A.SessionTickets=false", "Kestrel.Endpoints.A.TlsEngine=Jdk")
					.close());
		assertThat(output).contains(TlsMessages.sessionTicketsOffWithJdkEngine("A").description())
			.contains("kestrel.endpoints.A.session-tickets");
	}

	@Test
	void aKeyFileOfTheWrongSizeFailsStartup(CapturedOutput output) throws IOException {
		Path keys = directory.resolve("short.keys");
		Files.write(keys, new byte[47]);
		assertThatException().isThrownBy(() -> start("A", "kestrel.tls.session-ticket-keys=" + keys).close());
		assertThat(output).contains(TlsMessages.sessionTicketKeysWrongSize(keys.toString(), 47).description());
	}

	private static Path writeKeys(Path file, int count) throws IOException {
		byte[] keys = new byte[48 * count];
		RANDOM.nextBytes(keys);
		Files.write(file, keys);
		return file;
	}

	private static ConfigurableApplicationContext start(String name, String... more) {
		List<String> properties = new ArrayList<>(List.of("Kestrel.Endpoints." + name + ".Url=https://127.0.0.1:0",
				"Kestrel.Endpoints." + name + ".Certificate.Path=" + pem.certificate(),
				"Kestrel.Endpoints." + name + ".Certificate.KeyPath=" + pem.key()));
		properties.addAll(List.of(more));
		return new SpringApplicationBuilder(TestApplication.class).properties(properties.toArray(new String[0])).run();
	}

	/**
	 * Runs one request through {@code openssl s_client}, so that the TLS 1.3 tickets
	 * (sent after the handshake) arrive before it leaves.
	 */
	static String handshake(int port, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
				"-servername", "localhost", "-CAfile", rootPem.toString(), "-ign_eof", "-alpn", "http/1.1"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream()
			.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return output;
	}

}
