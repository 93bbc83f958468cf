package dev.kestrel.internal.server.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.diagnostics.TlsMessages;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kestrel.tls.engine}: each engine serves HTTPS, SNI, h2 and client certificates
 * (each in a JVM of its own, since the native library is chosen once per process), logs
 * why a faster engine was skipped, maps the shared library it says it uses, and
 * {@code TlsEngine: Jdk} serves one endpoint on the JDK's TLS next to a native one.
 */
@ExtendWith(OutputCaptureExtension.class)
@RequiresTools({ "openssl", "curl" })
class TlsEngineIntegrationTests {

	@TempDir
	static Path directory;

	static PemFiles serverPem;

	static PemFiles sniPem;

	static PemFiles clientPem;

	static Path rootPem;

	static Path trustStore;

	/**
	 * Writes a test CA, the server, SNI and client certificates with the openssl CLI, and
	 * a trust store with the CA for the probe JVMs (client certificates are validated
	 * against the JDK's trust store).
	 */
	@BeforeAll
	static void createCertificates() throws IOException {
		openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc", "-keyout", "ca.key",
				"-out", "ca.crt", "-days", "2", "-subj", "/CN=Engine Root", "-addext",
				"basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
		serverPem = issue("engine-server", "/CN=localhost",
				"subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth");
		sniPem = issue("engine-sni", "/CN=sni.example.org",
				"subjectAltName=DNS:sni.example.org\nextendedKeyUsage=serverAuth");
		clientPem = issue("engine-client", "/CN=engine client", "extendedKeyUsage=clientAuth");
		rootPem = directory.resolve("ca.crt");
		trustStore = directory.resolve("trust.p12");
		TestServers.CommandResult keytool = TestServers
			.run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-importcert",
					"-noprompt", "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", "changeit",
					"-alias", "root", "-file", rootPem.toString()));
		assertThat(keytool.exitCode()).as(keytool.output()).isZero();
	}

	private static PemFiles issue(String name, String subject, String extensions) throws IOException {
		java.nio.file.Files.writeString(directory.resolve(name + ".ext"), extensions.replace("\\n", "\n"));
		openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc", "-keyout",
				name + ".key", "-out", name + ".csr", "-subj", subject);
		openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-out", name + ".crt",
				"-days", "2", "-extfile", name + ".ext");
		return new PemFiles(directory.resolve(name + ".crt"), directory.resolve(name + ".key"));
	}

	private static void openssl(String... args) {
		List<String> command = new ArrayList<>(List.of("openssl"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + ": " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void autoServesOnTheFastestEngineThatLoadsAndSaysWhyOthersWereSkipped() throws Exception {
		try (Probe probe = Probe.start("auto")) {
			assertThat(probe.log()).contains("TLS engine: ");
			if (probe.log().contains("TLS engine: OpenSSL")) {
				assertThat(probe.mapped()).anyMatch((library) -> library.contains("libssl.so.3"));
			}
			else {
				assertThat(probe.log()).contains("TLS engine: BoringSSL").contains("skipped: OpenSSL: ");
				assertThat(probe.mapped()).noneMatch((library) -> library.contains("libssl.so"))
					.anyMatch((library) -> library.contains("libnetty_tcnative"));
			}
			servesHttpsSniH2AndClientCertificates(probe);
		}
	}

	@Test
	void boringSslServesEverything() throws Exception {
		try (Probe probe = Probe.start("boringssl")) {
			assertThat(probe.log()).contains("TLS engine: BoringSSL");
			assertThat(probe.mapped()).anyMatch((library) -> library.contains("libnetty_tcnative"))
				.noneMatch((library) -> library.contains("libssl.so"));
			servesHttpsSniH2AndClientCertificates(probe);
		}
	}

	@Test
	void jdkServesEverythingWithoutANativeTlsLibrary() throws Exception {
		try (Probe probe = Probe.start("jdk")) {
			assertThat(probe.log()).contains("TLS engine: JDK");
			assertThat(probe.mapped()).noneMatch((library) -> library.contains("libnetty_tcnative"));
			servesHttpsSniH2AndClientCertificates(probe);
		}
	}

	@Test
	void openSslServesEverythingOrStartupSaysWhyItCannot() throws Exception {
		try (Probe probe = Probe.start("openssl")) {
			if (probe.port() > 0) {
				assertThat(probe.log()).contains("TLS engine: OpenSSL");
				assertThat(probe.mapped()).anyMatch((library) -> library.contains("libssl.so.3"));
				servesHttpsSniH2AndClientCertificates(probe);
			}
			else {
				assertThat(probe.log()).contains("The TLS engine 'openssl' cannot load: OpenSSL: ")
					.contains("kestrel.tls.engine");
			}
		}
	}

	@Test
	void tlsEngineJdkServesOneEndpointOnTheJdkNextToANativeOne() throws Exception {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class)
			.properties(endpoint("Native").toArray(new String[0]))
			.properties(endpoint("Jdk").toArray(new String[0]))
			.properties("Kestrel.Endpoints.Jdk.TlsEngine=Jdk")
			.run()) {
			int nativePort = TlsHardeningIntegrationTests.port(app, "Native");
			int jdkPort = TlsHardeningIntegrationTests.port(app, "Jdk");
			assertThat(curl(jdkPort, "--http2", "https://localhost:" + jdkPort + "/")).isEqualTo("Jdk HTTP/2.0");
			assertThat(curl(nativePort, "--http2", "https://localhost:" + nativePort + "/"))
				.isEqualTo("Native HTTP/2.0");
			// JSSE on Java 17 offers its own groups (no per-endpoint API before Java 20);
			// the native engine only X25519, P-256 and P-384
			if (!JdkTlsDefaults.limitsGroups()) {
				assertThat(sClient(jdkPort, "-groups", "P-521")).contains("Verify return code: 0 (ok)");
			}
			assertThat(sClient(nativePort, "-groups", "P-521")).contains("no peer certificate available");
		}
	}

	@Test
	void anEndpointAskingForANativeEngineTheProcessDidNotLoadFailsStartup(CapturedOutput output) {
		String other = (TlsEngines.current() == dev.kestrel.options.TlsEngine.OPENSSL) ? "BoringSSL" : "OpenSSL";
		List<String> properties = new ArrayList<>(endpoint("Wrong"));
		properties.add("Kestrel.Endpoints.Wrong.TlsEngine=" + other);
		try {
			new SpringApplicationBuilder(TestApplication.class).properties(properties.toArray(new String[0]))
				.run()
				.close();
		}
		catch (RuntimeException ex) {
			// expected
		}
		assertThat(output).contains("The endpoint Wrong asks for the TLS engine '" + other.toLowerCase() + "'")
			.contains("kestrel.endpoints.Wrong.tls-engine");
	}

	@Test
	void reasonsNameTheMissingLibrary() {
		assertThat(NativeTlsLibrary.reason(new UnsatisfiedLinkError(
				"/tmp/libnetty_tcnative_linux_x86_641.so: libssl.so.3: cannot open shared object file: No such file or directory")))
			.isEqualTo(TlsMessages.libsslNotFound());
		assertThat(NativeTlsLibrary.reason(new UnsatisfiedLinkError(
				"/tmp/libnetty_tcnative_linux_x86_641.so: libapr-1.so.0: cannot open shared object file: No such file or directory")))
			.isEqualTo(TlsMessages.libaprNotFound());
		assertThat(NativeTlsLibrary.reason(new UnsatisfiedLinkError(
				"/tmp/x.so: /lib/x86_64-linux-gnu/libssl.so.3: version `OPENSSL_3.2.0' not found (required by /tmp/x.so)")))
			.isEqualTo(TlsMessages.opensslTooOld("OPENSSL_3.2.0"));
	}

	private static void servesHttpsSniH2AndClientCertificates(Probe probe) {
		try {
			servesHttpsSniH2AndClientCertificates(probe.port());
		}
		catch (AssertionError ex) {
			throw new AssertionError(ex.getMessage() + "\nProbe log:\n"
					+ probe.log()
						.lines()
						.filter((line) -> !line.startsWith("MAPPED"))
						.collect(Collectors.joining("\n")),
					ex);
		}
	}

	private static void servesHttpsSniH2AndClientCertificates(int port) {
		assertThat(curl(port, "--http2", "https://localhost:" + port + "/")).isEqualTo("Https HTTP/2.0");
		assertThat(curl(port, "--http1.1", "https://localhost:" + port + "/")).isEqualTo("Https HTTP/1.1");
		assertThat(curl(port, "--resolve", "sni.example.org:" + port + ":127.0.0.1",
				"https://sni.example.org:" + port + "/"))
			.isEqualTo("Https HTTP/2.0");
		assertThat(curl(port, "--cert", clientPem.certificate().toString(), "--key", clientPem.key().toString(),
				"https://localhost:" + port + "/client"))
			.isEqualTo("CN=engine client");
	}

	private static String curl(int port, String... args) {
		List<String> command = new ArrayList<>(
				List.of("--cacert", rootPem.toString(), "--resolve", "localhost:" + port + ":127.0.0.1"));
		command.addAll(List.of(args));
		return TestServers.curl(command.toArray(new String[0])).output();
	}

	private static String sClient(int port, String... args) {
		List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
				"-servername", "localhost", "-CAfile", rootPem.toString()));
		command.addAll(List.of(args));
		return TestServers.run(command).output();
	}

	private static List<String> endpoint(String name) {
		return List.of("Kestrel.Endpoints." + name + ".Url=https://127.0.0.1:0",
				"Kestrel.Endpoints." + name + ".Certificate.Path=" + serverPem.certificate(),
				"Kestrel.Endpoints." + name + ".Certificate.KeyPath=" + serverPem.key());
	}

	/**
	 * An {@link EngineProbe} JVM.
	 */
	private static final class Probe implements AutoCloseable {

		private final Process process;

		private final StringBuilder log = new StringBuilder();

		private final List<String> mapped = new ArrayList<>();

		private int port = -1;

		private Probe(Process process) {
			this.process = process;
		}

		static Probe start(String engine) throws IOException {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
							"-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
							"-cp", System.getProperty("java.class.path"), EngineProbe.class.getName()));
			command.add("kestrel.tls.engine=" + engine);
			command.addAll(endpoint("Https"));
			command.add("Kestrel.Endpoints.Https.ClientCertificateMode=AllowCertificate");
			command.add("Kestrel.Endpoints.Https.Sni.sni.example.org.Certificate.Path=" + sniPem.certificate());
			command.add("Kestrel.Endpoints.Https.Sni.sni.example.org.Certificate.KeyPath=" + sniPem.key());
			command.add("Kestrel.Endpoints.Https.Sni.localhost.ClientCertificateMode=AllowCertificate");
			command.add("Kestrel.Endpoints.Https.Sni.localhost.Certificate.Path=" + serverPem.certificate());
			command.add("Kestrel.Endpoints.Https.Sni.localhost.Certificate.KeyPath=" + serverPem.key());
			command.add("Kestrel.Endpoints.Https.Sni.localhost.Protocols=Http1AndHttp2");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			Probe probe = new Probe(process);
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				probe.log.append(line).append('\n');
				if (line.startsWith("MAPPED ")) {
					probe.mapped.add(line.substring(7));
				}
				else if (line.startsWith("PORT=")) {
					probe.port = Integer.parseInt(line.substring(5));
					break;
				}
			}
			Thread rest = new Thread(() -> {
				try {
					String more;
					while ((more = reader.readLine()) != null) {
						synchronized (probe.log) {
							probe.log.append(more).append('\n');
						}
					}
				}
				catch (IOException ex) {
					// the probe ended
				}
			});
			rest.setDaemon(true);
			rest.start();
			return probe;
		}

		String log() {
			synchronized (this.log) {
				return this.log.toString();
			}
		}

		List<String> mapped() {
			return this.mapped;
		}

		int port() {
			return this.port;
		}

		@Override
		public void close() throws Exception {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

}
