package dev.kestrel.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.options.ClientCertificateMode;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.options.StoreName;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.testing.TestCertificates.KeyFormat;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.certificates.StoreLocation;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.store.CertificateStore;

import static dev.kestrel.testing.TlsClients.client;
import static dev.kestrel.testing.TlsClients.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * HTTPS endpoints end to end: every certificate source, the fallback chain, TLS versions,
 * client certificates and the code API, with the JDK client, curl and openssl s_client.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpsEndpointIntegrationTests {

	private static final String PASSWORD = "s3cret-Pa55";

	@TempDir
	static Path certs;

	static TestCertificate root;

	static TestCertificate intermediate;

	static TestCertificate server;

	static TestCertificate client;

	static TestCertificate foreignClient;

	static Path rootPem;

	static Path caBundle;

	static Path serverPfx;

	static PemFiles serverPem;

	static PemFiles clientPem;

	static PemFiles foreignClientPem;

	@TempDir
	Path stores;

	@BeforeAll
	static void createCertificates() {
		root = TestCertificates.certificate("Test Root").rsa().certificateAuthority().fileName("root").build();
		intermediate = TestCertificates.certificate("Test Intermediate")
			.certificateAuthority()
			.signedBy(root)
			.fileName("intermediate")
			.build();
		server = TestCertificates.certificate("localhost")
			.dnsNames("localhost")
			.ipAddresses("127.0.0.1", "::1")
			.signedBy(intermediate)
			.fileName("server")
			.build();
		client = TestCertificates.certificate("client")
			.extendedKeyUsage(Eku.CLIENT_AUTH)
			.signedBy(intermediate)
			.fileName("client")
			.build();
		TestCertificate foreignCa = TestCertificates.certificate("Foreign CA").certificateAuthority().build();
		foreignClient = TestCertificates.certificate("foreign")
			.extendedKeyUsage(Eku.CLIENT_AUTH)
			.signedBy(foreignCa)
			.fileName("foreign")
			.build();
		rootPem = root.writeCertificatePem(certs);
		caBundle = certs.resolve("ca-bundle.pem");
		try {
			Files.writeString(caBundle,
					Files.readString(rootPem) + Files.readString(intermediate.writeCertificatePem(certs)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		serverPfx = server.writePfx(certs, PASSWORD);
		serverPem = server.writePem(certs, KeyFormat.PKCS8_AES, PASSWORD);
		clientPem = client.writePem(certs);
		foreignClientPem = foreignClient.writePem(certs);
	}

	@AfterEach
	void clearStoreRoot() {
		System.clearProperty(CertificateStore.CURRENT_USER_PROPERTY);
		CodeEndpoints.customizer = null;
	}

	@Test
	@RequiresTools("curl")
	void pfxCertificateServesHttp2AndHttp1WithAlpn() throws Exception {
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Https.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Https.Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints.Https.Certificate.Password=" + PASSWORD)) {
			String url = "https://127.0.0.1:" + port(context, "Https") + "/";
			assertThat(get(client(root.certificate(), HttpClient.Version.HTTP_2), url).body())
				.isEqualTo("Https HTTP/2.0");
			assertThat(get(client(root.certificate(), HttpClient.Version.HTTP_1_1), url).body())
				.isEqualTo("Https HTTP/1.1");
			assertThat(curl(context, "Https", "--http2").output()).isEqualTo("Https HTTP/2.0");
			assertThat(curl(context, "Https", "--http1.1").output()).isEqualTo("Https HTTP/1.1");
		}
	}

	@Test
	@RequiresTools("openssl")
	void pemCertificateWithEncryptedKeySendsItsIntermediate() {
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Pem.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Pem.Certificate.Path=" + serverPem.certificate(),
				"Kestrel.Endpoints.Pem.Certificate.KeyPath=" + serverPem.key(),
				"Kestrel.Endpoints.Pem.Certificate.Password=" + PASSWORD)) {
			TestServers.CommandResult result = sClient(port(context, "Pem"), "-showcerts", "-verify_return_error");
			assertThat(result.output()).contains("Verify return code: 0 (ok)");
			assertThat(countCertificates(result.output())).isEqualTo(2);
		}
	}

	@Test
	@RequiresTools("curl")
	void legacyOpensslEncryptedKeysWork() {
		PemFiles legacy = server.writePem(certs, KeyFormat.LEGACY_DES3, PASSWORD);
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Legacy.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Legacy.Certificate.Path=" + legacy.certificate(),
				"Kestrel.Endpoints.Legacy.Certificate.KeyPath=" + legacy.key(),
				"Kestrel.Endpoints.Legacy.Certificate.Password=" + PASSWORD)) {
			assertThat(curl(context, "Legacy").output()).isEqualTo("Legacy HTTP/2.0");
		}
	}

	@Test
	@RequiresTools("curl")
	void endpointWithoutCertificateUsesCertificatesDefault() {
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Https.Url=https://127.0.0.1:0",
				"Kestrel.Certificates.Default.Path=" + serverPfx,
				"Kestrel.Certificates.Default.Password=" + PASSWORD)) {
			assertThat(curl(context, "Https").output()).isEqualTo("Https HTTP/2.0");
		}
	}

	@Test
	@RequiresTools("curl")
	void httpsUrlsUseTheDefaultCertificateToo() {
		try (ConfigurableApplicationContext context = start("urls=https://127.0.0.1:0",
				"Kestrel.Certificates.Default.Path=" + serverPfx,
				"Kestrel.Certificates.Default.Password=" + PASSWORD)) {
			assertThat(curl(context, "url-0").output()).isEqualTo("url-0 HTTP/2.0");
		}
	}

	@Test
	@RequiresTools("openssl")
	void developmentCertificateIsTheLastFallbackAndCreatedOnlyOnRequest(CapturedOutput output) throws Exception {
		System.setProperty(CertificateStore.CURRENT_USER_PROPERTY, this.stores.toString());
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Https.Url=https://127.0.0.1:0").close());
		assertThat(output).contains(CertificateMessages.noCertificateSpecified().description(),
				"kestrel.endpoints.Https.certificate");
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Https.Url=https://127.0.0.1:0",
				"kestrel.development-certificate.auto-create=true")) {
			X509Certificate served = servedCertificate(port(context, "Https"));
			assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
			assertThat(served.getNonCriticalExtensionOIDs()).contains(DevelopmentCertificate.OID);
		}
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Https.Url=https://127.0.0.1:0")) {
			assertThat(servedCertificate(port(context, "Https")).getNonCriticalExtensionOIDs())
				.as("found again without auto-create")
				.contains(DevelopmentCertificate.OID);
		}
	}

	@Test
	@RequiresTools("curl")
	void certificateFromAStoreIsFoundBySubject() {
		System.setProperty(CertificateStore.CURRENT_USER_PROPERTY, this.stores.toString());
		CertificateStore.open(this.stores, "My").add(server.certificate(), server.privateKey());
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Store.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Store.Certificate.Subject=LOCALHOST", "Kestrel.Endpoints.Store.Certificate.Store=My",
				"Kestrel.Endpoints.Store.Certificate.AllowInvalid=true")) {
			assertThat(curl(context, "Store").output()).isEqualTo("Store HTTP/2.0");
		}
	}

	@Test
	@RequiresTools("curl")
	void certificateFromASpringSslBundle() {
		PemFiles plain = server.writePem(certs);
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Bundle.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Bundle.Certificate.Bundle=web",
				"spring.ssl.bundle.pem.web.keystore.certificate=file:" + plain.certificate(),
				"spring.ssl.bundle.pem.web.keystore.private-key=file:" + plain.key())) {
			assertThat(curl(context, "Bundle").output()).isEqualTo("Bundle HTTP/2.0");
		}
	}

	@Test
	@RequiresTools({ "curl", "openssl" })
	void sslProtocolsTls13RefusesATls12OnlyClient() {
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Modern.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Modern.SslProtocols[0]=tls13",
				"Kestrel.Endpoints.Modern.Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints.Modern.Certificate.Password=" + PASSWORD)) {
			assertThat(curl(context, "Modern", "--tlsv1.3").output()).isEqualTo("Modern HTTP/2.0");
			TestServers.CommandResult tls12 = curl(context, "Modern", "--tls-max", "1.2");
			assertThat(tls12.exitCode()).isNotZero();
			assertThat(sClient(port(context, "Modern"), "-tls1_2").output()).contains("alert protocol version")
				.contains("no peer certificate available");
		}
	}

	@Test
	@RequiresTools("curl")
	void requireCertificateRefusesClientsWithoutOneAndShowsTheCertificateToHandlers() {
		CodeEndpoints.customizer = (options) -> options.configure()
			.endpoint("Mtls", (endpoint) -> endpoint.httpsOptions().clientCertificateAuthorities(root.certificate()));
		try (ConfigurableApplicationContext context = start(CodeEndpoints.class, mtls("RequireCertificate"))) {
			assertThat(curl(context, "Mtls", "--cert", clientPem.certificate().toString(), "--key",
					clientPem.key().toString(), "-w", "", "--path-as-is")
				.output()).isEqualTo("Mtls HTTP/2.0");
			assertThat(curlPath(context, "Mtls", "/client", "--cert", clientPem.certificate().toString(), "--key",
					clientPem.key().toString())
				.output()).isEqualTo("CN=client");
			assertThat(curl(context, "Mtls").exitCode()).as("no client certificate").isNotZero();
			assertThat(curl(context, "Mtls", "--cert", foreignClientPem.certificate().toString(), "--key",
					foreignClientPem.key().toString())
				.exitCode()).as("untrusted client certificate").isNotZero();
		}
	}

	@Test
	@RequiresTools("curl")
	void allowAndDelayCertificateAcceptClientsWithAndWithoutOne() {
		for (String mode : List.of("AllowCertificate", "DelayCertificate")) {
			CodeEndpoints.customizer = (options) -> options.configure()
				.endpoint("Mtls",
						(endpoint) -> endpoint.httpsOptions().clientCertificateAuthorities(root.certificate()));
			try (ConfigurableApplicationContext context = start(CodeEndpoints.class, mtls(mode))) {
				assertThat(curlPath(context, "Mtls", "/client").output()).as(mode).isEqualTo("none");
				assertThat(curlPath(context, "Mtls", "/client", "--cert", clientPem.certificate().toString(), "--key",
						clientPem.key().toString())
					.output()).as(mode).isEqualTo("CN=client");
			}
		}
	}

	@Test
	@RequiresTools("curl")
	void noCertificateModeNeverAsksForOne() {
		try (ConfigurableApplicationContext context = start(mtls("NoCertificate"))) {
			assertThat(curlPath(context, "Mtls", "/client", "--cert", clientPem.certificate().toString(), "--key",
					clientPem.key().toString())
				.output()).isEqualTo("none");
		}
	}

	@Test
	@RequiresTools("curl")
	void validationCallbackDecidesAndAllowAnyAcceptsUntrustedCertificates() {
		CodeEndpoints.customizer = (options) -> options.configure()
			.endpoint("Mtls", (endpoint) -> endpoint.httpsOptions().allowAnyClientCertificate());
		try (ConfigurableApplicationContext context = start(CodeEndpoints.class, mtls("RequireCertificate"))) {
			assertThat(curlPath(context, "Mtls", "/client", "--cert", foreignClientPem.certificate().toString(),
					"--key", foreignClientPem.key().toString())
				.output()).isEqualTo("CN=foreign");
		}
		List<String> seen = new ArrayList<>();
		CodeEndpoints.customizer = (options) -> options.configure()
			.endpoint("Mtls",
					(endpoint) -> endpoint.httpsOptions().clientCertificateValidation((cert, chain, errors) -> {
						seen.add(cert.getSubjectX500Principal().getName() + " " + errors);
						return false;
					}));
		try (ConfigurableApplicationContext context = start(CodeEndpoints.class, mtls("RequireCertificate"))) {
			assertThat(curl(context, "Mtls", "--cert", clientPem.certificate().toString(), "--key",
					clientPem.key().toString())
				.exitCode()).isNotZero();
			assertThat(seen).containsExactly("CN=client [CHAIN_ERRORS]");
		}
	}

	@Test
	@RequiresTools("curl")
	void revocationCheckingRejectsCertificatesWhoseStatusIsUnknown() {
		CodeEndpoints.customizer = (options) -> options.configure()
			.endpoint("Mtls",
					(endpoint) -> endpoint.httpsOptions()
						.clientCertificateAuthorities(root.certificate())
						.checkCertificateRevocation(true));
		try (ConfigurableApplicationContext context = start(CodeEndpoints.class, mtls("RequireCertificate"))) {
			assertThat(curl(context, "Mtls", "--cert", clientPem.certificate().toString(), "--key",
					clientPem.key().toString())
				.exitCode()).isNotZero();
		}
	}

	@Test
	void handshakeTimeoutClosesSilentConnections() throws Exception {
		CodeEndpoints.customizer = (options) -> options
			.configureHttpsDefaults((https) -> https.handshakeTimeout(Duration.ofMillis(300)));
		try (ConfigurableApplicationContext context = start(CodeEndpoints.class,
				"Kestrel.Endpoints.Slow.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Slow.Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints.Slow.Certificate.Password=" + PASSWORD);
				Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(context, "Slow"))) {
			socket.setSoTimeout(5000);
			long start = System.nanoTime();
			try (InputStream in = socket.getInputStream()) {
				assertThat(in.read()).isEqualTo(-1);
			}
			catch (java.net.SocketException reset) {
				// closed with a reset: fine too
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		}
	}

	@Test
	@RequiresTools("openssl")
	void onAuthenticateRunsLastAndCanRestrictCipherSuites() {
		CodeEndpoints.customizer = (options) -> options.configure()
			.endpoint("Ciphers",
					(endpoint) -> endpoint.httpsOptions()
						.sslProtocols(SslProtocols.TLS12)
						.onAuthenticate((connection, engine) -> engine
							.setEnabledCipherSuites(new String[] { "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" })));
		try (ConfigurableApplicationContext context = start(CodeEndpoints.class,
				"Kestrel.Endpoints.Ciphers.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Ciphers.Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints.Ciphers.Certificate.Password=" + PASSWORD)) {
			assertThat(sClient(port(context, "Ciphers"), "-tls1_2").output()).contains("ECDHE-ECDSA-AES128-GCM-SHA256");
		}
	}

	@Test
	@RequiresTools("curl")
	void codeApiUseHttpsOverloadsServeTls() {
		System.setProperty(CertificateStore.CURRENT_USER_PROPERTY, this.stores.toString());
		CertificateStore.open(this.stores, "My").add(server.certificate(), server.privateKey());
		CodeEndpoints.customizer = (options) -> {
			options.listen(InetAddress.getLoopbackAddress(), 0,
					(listen) -> listen.name("file").useHttps(serverPfx.toString(), PASSWORD));
			options.listen(InetAddress.getLoopbackAddress(), 0,
					(listen) -> listen.name("store")
						.useHttps(StoreName.MY, "localhost", true, StoreLocation.CURRENT_USER,
								(https) -> https.sslProtocols(SslProtocols.TLS13)));
			options.listen(InetAddress.getLoopbackAddress(), 0,
					(listen) -> listen.name("object").useHttps(server.toServerCertificate()));
			options.listen(InetAddress.getLoopbackAddress(), 0,
					(listen) -> listen.name("configure")
						.useHttps((https) -> https.serverCertificate(server.toServerCertificate())
							.clientCertificateMode(ClientCertificateMode.ALLOW_CERTIFICATE)
							.allowAnyClientCertificate()));
		};
		try (ConfigurableApplicationContext context = start(CodeEndpoints.class)) {
			for (String name : List.of("file", "store", "object", "configure")) {
				assertThat(curl(context, name).output()).isEqualTo(name + " HTTP/2.0");
			}
			assertThat(curl(context, "store", "--tls-max", "1.2").exitCode()).isNotZero();
		}
	}

	@Test
	void serverCertificateWithoutServerAuthUsageFailsStartup(CapturedOutput output) {
		TestCertificate signing = TestCertificates.certificate("localhost")
			.extendedKeyUsage(Eku.CODE_SIGNING)
			.fileName("signing")
			.build();
		Path pfx = signing.writePfx(certs, PASSWORD);
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Bad.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Bad.Certificate.Path=" + pfx,
				"Kestrel.Endpoints.Bad.Certificate.Password=" + PASSWORD)
			.close());
		assertThat(output).contains("Kestrel could not start endpoint 'Bad'",
				CertificateMessages.invalidServerCertificateEku(signing.thumbprint()).description());
	}

	@Test
	void wrongPasswordFailsStartupWithoutRevealingThePassword(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Bad.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Bad.Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints.Bad.Certificate.Password=Wr0ng-Guess-42")
			.close());
		assertThat(output)
			.contains("Kestrel could not start endpoint 'Bad' (kestrel.endpoints.Bad.certificate.password)")
			.doesNotContain("Wr0ng-Guess-42")
			.doesNotContain(PASSWORD);
	}

	@Test
	void httpsOnlyConfigurationOnAnHttpEndpointFailsStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Plain.Url=http://127.0.0.1:0",
				"Kestrel.Endpoints.Plain.ClientCertificateMode=RequireCertificate")
			.close());
		assertThat(output)
			.contains(CertificateMessages.endpointHasUnusedHttpsConfig("Plain", "ClientCertificateMode").description());
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.Plain.Url=http://127.0.0.1:0",
				"Kestrel.EndpointDefaults.ClientCertificateMode=RequireCertificate")) {
			assertThat(port(context, "Plain")).as("allowed in EndpointDefaults").isPositive();
		}
	}

	@Test
	void unknownSslProtocolsAndClientCertificateModeValuesFailStartup(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Bad.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Bad.SslProtocols[0]=Tls14", "Kestrel.Certificates.Default.Path=" + serverPfx,
				"Kestrel.Certificates.Default.Password=" + PASSWORD)
			.close());
		assertThat(output).contains(CertificateMessages.invalidSslProtocols("Tls14").description(),
				"kestrel.endpoints.Bad.ssl-protocols");
		assertThatException().isThrownBy(() -> start("Kestrel.Endpoints.Bad.Url=https://127.0.0.1:0",
				"Kestrel.EndpointDefaults.ClientCertificateMode=Sometimes",
				"Kestrel.Certificates.Default.Path=" + serverPfx, "Kestrel.Certificates.Default.Password=" + PASSWORD)
			.close());
		assertThat(output).contains(CertificateMessages.invalidClientCertificateMode("Sometimes").description());
	}

	@Test
	void certificateWithoutSubjectAlternativeNameLogsAWarning(CapturedOutput output) {
		TestCertificate noSan = TestCertificates.certificate("localhost")
			.noSubjectAlternativeName()
			.fileName("nosan")
			.build();
		Path pfx = noSan.writePfx(certs, PASSWORD);
		try (ConfigurableApplicationContext context = start("Kestrel.Endpoints.NoSan.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.NoSan.Certificate.Path=" + pfx,
				"Kestrel.Endpoints.NoSan.Certificate.Password=" + PASSWORD)) {
			assertThat(output).contains(CertificateMessages.certificateLacksSubjectAlternativeName(noSan.thumbprint()));
		}
	}

	private static String[] mtls(String mode) {
		return new String[] { "Kestrel.Endpoints.Mtls.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Mtls.ClientCertificateMode=" + mode,
				"Kestrel.Endpoints.Mtls.Certificate.Path=" + serverPfx,
				"Kestrel.Endpoints.Mtls.Certificate.Password=" + PASSWORD };
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).properties(properties).run();
	}

	private static ConfigurableApplicationContext start(Class<?> extra, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class, extra).properties(properties).run();
	}

	static int port(ConfigurableApplicationContext context, String name) {
		return MultiEndpointServerIntegrationTests.port(TestServers.server(context), name);
	}

	private static TestServers.CommandResult curl(ConfigurableApplicationContext context, String name, String... args) {
		return curlPath(context, name, "/", args);
	}

	private static TestServers.CommandResult curlPath(ConfigurableApplicationContext context, String name, String path,
			String... args) {
		int port = port(context, name);
		// the bundle holds the intermediate too: store and code certificates carry no
		// chain (pemCertificate... proves
		// that a chain from a PEM file is sent)
		List<String> command = new ArrayList<>(
				List.of("--cacert", caBundle.toString(), "--resolve", "localhost:" + port + ":127.0.0.1"));
		command.addAll(List.of(args));
		command.add("https://localhost:" + port + path);
		return TestServers.curl(command.toArray(new String[0]));
	}

	private static TestServers.CommandResult sClient(int port, String... args) {
		List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
				"-servername", "localhost", "-CAfile", rootPem.toString()));
		command.addAll(List.of(args));
		return TestServers.run(command);
	}

	private static int countCertificates(String output) {
		return output.split("-----BEGIN CERTIFICATE-----", -1).length - 1;
	}

	private static X509Certificate servedCertificate(int port) throws IOException {
		TestServers.CommandResult result = sClient(port);
		String pem = result.output()
			.substring(result.output().indexOf("-----BEGIN CERTIFICATE-----"),
					result.output().indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----".length());
		try {
			return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.cert.CertificateException ex) {
			throw new IOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CodeEndpoints {

		static KestrelServerOptionsCustomizer customizer;

		@Bean
		KestrelServerOptionsCustomizer testCustomizer() {
			return (options) -> customizer.customize(options);
		}

	}

}
