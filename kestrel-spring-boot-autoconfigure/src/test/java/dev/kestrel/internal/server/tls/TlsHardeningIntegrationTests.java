package dev.kestrel.internal.server.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.internal.server.KestrelWebServer;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default HTTPS endpoint follows Mozilla's "intermediate" configuration, as scanners
 * see it: TLS 1.2 and 1.3 only, TLS 1.2 suites with ECDHE and AEAD only, X25519, P-256
 * and P-384, no compression, no client-initiated renegotiation ({@code openssl s_client},
 * {@code sslscan}, {@code testssl.sh}); {@code SslProtocols} opens older versions
 * explicitly.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsHardeningIntegrationTests {

	@TempDir
	static Path certs;

	static Path rootPem;

	static ConfigurableApplicationContext app;

	static int port;

	@BeforeAll
	static void startDefaultEndpointWithAnSniHost() {
		TestCertificate root = TestCertificates.certificate("Hardening Root").certificateAuthority().build();
		TestCertificate rsa = TestCertificates.certificate("localhost")
			.dnsNames("localhost")
			.rsa()
			.signedBy(root)
			.fileName("rsa")
			.build();
		TestCertificate ec = TestCertificates.host(root, "a.example.org", "a.example.org");
		rootPem = root.writeCertificatePem(certs);
		PemFiles rsaPem = rsa.writePem(certs);
		PemFiles ecPem = ec.writePem(certs);
		app = new SpringApplicationBuilder(TestApplication.class)
			.properties("Kestrel.Endpoints.Https.Url=https://127.0.0.1:0",
					"Kestrel.Endpoints.Https.Certificate.Path=" + rsaPem.certificate(),
					"Kestrel.Endpoints.Https.Certificate.KeyPath=" + rsaPem.key(),
					"Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.Path=" + ecPem.certificate(),
					"Kestrel.Endpoints.Https.Sni.a.example.org.Certificate.KeyPath=" + ecPem.key(),
					"Kestrel.Endpoints.Https.Sni.localhost.Protocols=Http1AndHttp2")
			.run();
		port = port(app, "Https");
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	@RequiresTools("openssl")
	void onlyTls12AndTls13AreAccepted() {
		assertThat(sClient("localhost", "-tls1_3").output()).contains("New, TLSv1.3, Cipher is");
		assertThat(sClient("localhost", "-tls1_2").output()).contains("New, TLSv1.2, Cipher is");
		for (String old : List.of("-tls1_1", "-tls1")) {
			TestServers.CommandResult result = sClient("localhost", old, "-cipher", "DEFAULT@SECLEVEL=0");
			assertThat(result.output()).as(old).contains("no peer certificate available");
		}
	}

	@Test
	@RequiresTools("openssl")
	void tls12OffersEcdheWithAeadOnly() {
		for (String suite : List.of("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
				"ECDHE-RSA-CHACHA20-POLY1305")) {
			assertThat(sClient("localhost", "-tls1_2", "-cipher", suite).output()).as(suite)
				.contains("Cipher is " + suite);
		}
		for (String suite : List.of("AES128-SHA", "AES256-SHA", "AES128-GCM-SHA256", "AES256-GCM-SHA384",
				"ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA", "ECDHE-RSA-AES128-SHA256",
				"DHE-RSA-AES128-GCM-SHA256")) {
			assertThat(sClient("localhost", "-tls1_2", "-cipher", suite).output()).as(suite)
				.contains("no peer certificate available");
		}
	}

	@Test
	@RequiresTools("openssl")
	void onlyX25519P256AndP384AreOffered() {
		for (String group : List.of("X25519", "P-256", "P-384")) {
			assertThat(sClient("localhost", "-groups", group).output()).as(group)
				.contains("Verify return code: 0 (ok)");
		}
		for (String group : List.of("P-521", "X448", "ffdhe2048")) {
			assertThat(sClient("localhost", "-groups", group).output()).as(group)
				.contains("no peer certificate available");
		}
	}

	@Test
	@RequiresTools("sslscan")
	void sslscanFindsNoOldProtocolNoWeakSuiteNoCompressionNoInsecureRenegotiation() {
		for (String host : List.of("localhost", "a.example.org")) {
			String scan = TestServers
				.run(List.of("sslscan", "--no-colour", "--no-heartbleed", "--sni-name=" + host, "127.0.0.1:" + port))
				.output();
			assertThat(scan).as(host)
				.contains("TLSv1.2   enabled")
				.contains("TLSv1.3   enabled")
				.contains("TLSv1.1   disabled")
				.contains("TLSv1.0   disabled")
				.containsAnyOf("Compression disabled", "OpenSSL version does not support compression")
				.containsAnyOf("Session renegotiation not supported", "Secure session renegotiation supported")
				.doesNotContain("Insecure session renegotiation supported");
			List<String> tls12 = acceptedSuites(scan, "TLSv1.2");
			assertThat(tls12).as(host).isNotEmpty().allSatisfy((suite) -> {
				assertThat(suite).startsWith("ECDHE-");
				assertThat(suite).containsAnyOf("-GCM-", "CHACHA20-POLY1305");
			});
			assertThat(acceptedSuites(scan, "TLSv1.3")).as(host).isNotEmpty();
		}
	}

	@Test
	@RequiresTools("testssl")
	void testsslRatesNothingMediumOrWorseExceptWhatTheTestCaExplains(@TempDir Path reports) throws Exception {
		Map<String, CompletableFuture<TestServers.CommandResult>> scans = new LinkedHashMap<>();
		ExecutorService scanners = Executors.newFixedThreadPool(2);
		for (String host : List.of("localhost", "a.example.org")) {
			scans.put(host,
					CompletableFuture.supplyAsync(() -> TestServers.run(List.of("testssl", "--quiet", "--color", "0",
							"--warnings", "off", "--add-ca", rootPem.toString(), "--ip", "127.0.0.1", "--jsonfile",
							reports.resolve(host + ".json").toString(), "-p", "-s", "-f", "-S", "-U",
							"https://" + host + ":" + port)), scanners));
		}
		scanners.shutdown();
		for (Map.Entry<String, CompletableFuture<TestServers.CommandResult>> scan : scans.entrySet()) {
			String report = scan.getValue().get(10, TimeUnit.MINUTES).output();
			assertThat(report).as(scan.getKey())
				.contains("Done")
				.containsPattern("TLS 1\\s+not offered")
				.containsPattern("TLS 1.1\\s+not offered")
				.containsPattern("Obsolete CBC ciphers \\(AES, ARIA etc.\\)\\s+not offered")
				.containsPattern("Secure Client-Initiated Renegotiation\\s+not vulnerable")
				.containsPattern("CRIME, TLS \\(CVE-2012-4929\\)\\s+not vulnerable")
				.containsPattern("LUCKY13 \\(CVE-2013-0169\\), experimental\\s+not vulnerable");
			List<String> findings = findings(Files.readString(reports.resolve(scan.getKey() + ".json")));
			assertThat(findings).as(scan.getKey())
				.allSatisfy((finding) -> assertThat(explainedByTestCa(finding)).as(finding).isTrue());
		}
	}

	@Test
	@Order(Integer.MAX_VALUE) // closing a second application disposes Reactor Netty's
								// shared event loops, which the first one uses
	@RequiresTools("openssl")
	void sslProtocolsOpensTls11ExplicitlyWithAWarning(CapturedOutput output) {
		TestCertificate self = TestCertificates.certificate("localhost").dnsNames("localhost").rsa().build();
		PemFiles pem = self.writePem(certs);
		try (ConfigurableApplicationContext legacy = new SpringApplicationBuilder(TestApplication.class)
			.properties("Kestrel.Endpoints.Legacy.Url=https://127.0.0.1:0",
					"Kestrel.Endpoints.Legacy.SslProtocols[0]=Tls11", "Kestrel.Endpoints.Legacy.SslProtocols[1]=Tls12",
					"Kestrel.Endpoints.Legacy.Certificate.Path=" + pem.certificate(),
					"Kestrel.Endpoints.Legacy.Certificate.KeyPath=" + pem.key())
			.run()) {
			assertThat(output).contains(CertificateMessages.obsoleteTlsVersion("Legacy", "Tls11"));
			String handshake = TestServers
				.run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port(legacy, "Legacy"), "-tls1_1",
						"-cipher", "DEFAULT@SECLEVEL=0"))
				.output();
			assertThat(handshake).contains("Protocol  : TLSv1.1").contains("ECDHE-RSA-AES128-SHA");
		}
	}

	private static List<String> acceptedSuites(String scan, String protocol) {
		List<String> suites = new ArrayList<>();
		Matcher matcher = Pattern
			.compile("(?m)^(?:Preferred|Accepted)\\s+" + Pattern.quote(protocol) + "\\s+\\d+ bits\\s+(\\S+)")
			.matcher(scan);
		while (matcher.find()) {
			suites.add(matcher.group(1));
		}
		return suites;
	}

	private static List<String> findings(String json) {
		List<String> findings = new ArrayList<>();
		Matcher matcher = Pattern
			.compile("\"id\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"severity\"\\s*:\\s*\"(MEDIUM|HIGH|CRITICAL)\"[^}]*?"
					+ "\"finding\"\\s*:\\s*\"([^\"]*)\"")
			.matcher(json);
		while (matcher.find()) {
			findings.add(matcher.group(1) + " " + matcher.group(2) + ": " + matcher.group(3));
		}
		return findings;
	}

	/**
	 * The test CA is not in a public root store and publishes no revocation information:
	 * what testssl.sh says about that is not the server's doing.
	 */
	private static boolean explainedByTestCa(String finding) {
		return finding.startsWith("cert_crlDistributionPoints") || finding.startsWith("cert_ocspURL")
				|| finding.startsWith("cert_revocation") || finding.startsWith("OCSP_stapling")
				|| finding.startsWith("cert_chain_of_trust") || finding.startsWith("DNS_CAArecord");
	}

	private static TestServers.CommandResult sClient(String host, String... args) {
		List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
				"-servername", host, "-CAfile", rootPem.toString()));
		command.addAll(List.of(args));
		return TestServers.run(command);
	}

	static int port(ConfigurableApplicationContext context, String name) {
		return ((KestrelWebServer) ((org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext) context)
			.getWebServer()).getBoundEndpoints()
			.stream()
			.filter((endpoint) -> endpoint.name().equals(name))
			.findFirst()
			.orElseThrow()
			.port();
	}

}
