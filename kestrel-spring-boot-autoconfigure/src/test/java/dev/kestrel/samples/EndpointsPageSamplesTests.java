package dev.kestrel.samples;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;
import dev.kestrel.hosting.ServerAddresses;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyFormat;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TestServers.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample of Kestrel's "Configure endpoints" page, twice: its JSON as YAML
 * ({@code src/test/resources/endpoints-page/*.yml}, quoted in docs/endpoints.md) and its
 * C# as Java (the customizers below, quoted there too), each started on a real server
 * with generated certificates and checked with curl for what the page describes. Fixed
 * ports of the samples become random ones ({@code server.port=0}).
 * <p>
 * The {@code appsettings.json} twins plug in here once the JSON import lands (issue #15):
 * the same files as {@code endpoints-page/*.json}, started by the same tests with the
 * JSON file instead of the YAML one.
 * <p>
 * Samples tested elsewhere: {@code UseConnectionLogging}, {@code UseTlsFilter} and its
 * inline twin ({@code ConnectionMiddlewareIntegrationTests}); {@code OnAuthenticate} with
 * a cipher-suite policy ({@code HttpsEndpointIntegrationTests}); port 0 with
 * {@code IServerAddressesFeature} ({@code ConfigurationLoaderParityIntegrationTests}).
 */
@RequiresTools({ "curl", "openssl" })
class EndpointsPageSamplesTests {

	private static final String PASSWORD = "testPassword";

	@TempDir
	static Path certs;

	static TestCertificate root;

	static Path rootPem;

	static TestCertificate inline;

	static TestCertificate pem;

	static TestCertificate store;

	static TestCertificate fallback;

	static TestCertificate wildcard;

	static TestCertificate sniStore;

	@TempDir
	Path stores;

	private ConfigurableApplicationContext context;

	@BeforeAll
	static void certificates() throws Exception {
		root = TestCertificates.ca("Samples Root");
		rootPem = root.writeCertificatePem(certs);
		inline = TestCertificates.host(root, "inline.example", "inline.example");
		pem = TestCertificates.host(root, "pem.example", "pem.example");
		store = TestCertificates.host(root, "store.example", "store.example");
		fallback = TestCertificates.host(root, "default.example", "default.example", "localhost");
		wildcard = TestCertificates.host(root, "wildcard.example.org", "*.example.org");
		sniStore = TestCertificates.host(root, "a.example.org", "a.example.org");
		Files.move(inline.writePfx(certs, PASSWORD), certs.resolve("inline.pfx"), StandardCopyOption.REPLACE_EXISTING);
		Files.move(fallback.writePfx(certs, PASSWORD), certs.resolve("default.pfx"),
				StandardCopyOption.REPLACE_EXISTING);
		Files.move(wildcard.writePfx(certs, PASSWORD), certs.resolve("wildcard.pfx"),
				StandardCopyOption.REPLACE_EXISTING);
		Files.copy(certs.resolve("default.pfx"), certs.resolve("testCert.pfx"), StandardCopyOption.REPLACE_EXISTING);
		PemFiles files = pem.writePem(certs, KeyFormat.PKCS8_AES, PASSWORD);
		Files.move(files.certificate(), certs.resolve("pem.crt"), StandardCopyOption.REPLACE_EXISTING);
		Files.move(files.key(), certs.resolve("pem.key"), StandardCopyOption.REPLACE_EXISTING);
	}

	@BeforeEach
	void useATemporaryStore() {
		System.setProperty(CertificateStore.CURRENT_USER_PROPERTY, this.stores.toString());
		CertificateStore my = CertificateStore.open(this.stores, "My");
		my.add(store.certificate(), store.privateKey());
		my.add(sniStore.certificate(), sniStore.privateKey());
		my.add(fallback.certificate(), fallback.privateKey());
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		System.clearProperty(CertificateStore.CURRENT_USER_PROPERTY);
	}

	// ---------------------------------------------------------------- JSON samples as
	// YAML

	@Test
	void httpsSampleServesEachEndpointWithItsCertificateSource() {
		start("https.yml");
		assertThat(TestServers.get("http://127.0.0.1:" + port("Http") + "/").body()).isEqualTo("Http HTTP/1.1");
		assertThat(served("inline.example", port("HttpsInlineCertFile"))).contains("CN=inline.example");
		assertThat(served("pem.example", port("HttpsInlineCertAndKeyFile"))).contains("CN=pem.example");
		assertThat(served("store.example", port("HttpsInlineCertStore"))).contains("CN=store.example");
		assertThat(served("default.example", port("HttpsDefaultCert"))).contains("CN=default.example");
	}

	@Test
	void certificatesDefaultFromAStoreServesEndpointsWithoutACertificate() {
		start("default-certificate-from-store.yml");
		assertThat(served("store.example", port("Https"))).contains("CN=store.example", "HTTP/2 200");
	}

	@Test
	void sniSampleChoosesTheCertificateAndProtocolsByHostName() {
		start("sni.yml");
		int port = port("MySniEndpoint");
		assertThat(served("a.example.org", port)).contains("CN=a.example.org", "HTTP/2 200");
		assertThat(served("b.example.org", port)).contains("CN=wildcard.example.org", "HTTP/2 200");
		assertThat(served("localhost", port)).as("'*': Certificates.Default, Http1 only")
			.contains("CN=default.example", "HTTP/1.1 200");
	}

	@Test
	void protocolsSamplesSetEndpointDefaultsAndPerEndpointProtocols() {
		start("protocols.yml");
		assertThat(served("default.example", port("HttpsDefaultCert"))).contains("HTTP/1.1 200");
		assertThat(served("default.example", port("Http2Only"))).contains("HTTP/2 200");
	}

	@Test
	void sslProtocolsSampleRefusesTls12WhereTheEndpointAsksForTls13() {
		start("ssl-protocols.yml");
		int port = port("MyHttpsEndpoint");
		assertThat(served("default.example", port)).contains("TLSv1.3", "HTTP/2 200");
		assertThat(curl("default.example", port, "--tls-max", "1.2").exitCode()).isNotZero();
	}

	// ---------------------------------------------------------------- C# samples as Java

	@Test
	void configureEndpointDefaultsAndConfigureHttpsDefaultsWithACertificateAndSslProtocols() {
		start(EndpointAndHttpsDefaults.class);
		assertThat(served("default.example", port("code-0"))).contains("CN=default.example", "TLSv1.3", "HTTP/1.1 200");
	}

	@Test
	void theLoadersEndpointCallbackSetsSslProtocolsOfTheHttpsEndpoint() {
		start(LoaderEndpointCallback.class, "Kestrel.Endpoints.HTTPS.Url=https://localhost:5001",
				"Kestrel.Certificates.Default.Path=" + certs.resolve("default.pfx"),
				"Kestrel.Certificates.Default.Password=" + PASSWORD);
		assertThat(served("default.example", port("HTTPS"))).contains("TLSv1.2");
	}

	@Test
	void serverCertificateSelectorPicksOneOfThreeStoreCertificatesByName() {
		start(CertificateSelector.class);
		int port = port("code-0");
		assertThat(served("store.example", port)).contains("CN=store.example");
		assertThat(served("a.example.org", port)).contains("CN=a.example.org");
		assertThat(served("localhost", port)).as("a name not in the map: the fallback certificate")
			.contains("CN=default.example");
	}

	@Test
	void listenAndUseHttpsWithAPfxFileAndPassword() {
		start(ListenUseHttpsPfx.class);
		assertThat(TestServers.get("http://127.0.0.1:" + port("code-0") + "/").body()).isEqualTo("code-0 HTTP/1.1");
		assertThat(served("default.example", port("code-1"))).contains("CN=default.example", "HTTP/2 200");
	}

	// ---------------------------------------------------------------- the Java twins
	// (quoted in docs/endpoints.md)

	@Configuration(proxyBeanMethods = false)
	static class EndpointAndHttpsDefaults {

		@Bean
		KestrelServerOptionsCustomizer kestrel() {
			return (serverOptions) -> {
				serverOptions
					.configureEndpointDefaults((listenOptions) -> listenOptions.protocols(HttpProtocols.HTTP1));
				serverOptions.configureHttpsDefaults((httpsOptions) -> {
					httpsOptions.serverCertificate(serverOptions.getCertificateProvider()
						.loadFile(certs.resolve("testCert.pfx").toString(), PASSWORD));
					httpsOptions.sslProtocols(SslProtocols.TLS13);
				});
				serverOptions.listen(InetAddress.getLoopbackAddress(), 5001,
						(listenOptions) -> listenOptions.useHttps());
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LoaderEndpointCallback {

		@Bean
		KestrelServerOptionsCustomizer kestrel() {
			return (serverOptions) -> serverOptions.configure()
				.endpoint("HTTPS", (listenOptions) -> listenOptions.httpsOptions().sslProtocols(SslProtocols.TLS12));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CertificateSelector {

		@Bean
		KestrelServerOptionsCustomizer kestrel() {
			return (serverOptions) -> serverOptions.listenAnyIP(5005,
					(listenOptions) -> listenOptions.useHttps((httpsOptions) -> {
						var provider = serverOptions.getCertificateProvider();
						ServerCertificate localhostCert = provider.loadFromStore("My", "default.example", true,
								StoreLocation.CURRENT_USER);
						ServerCertificate exampleCert = provider.loadFromStore("My", "store.example", true,
								StoreLocation.CURRENT_USER);
						ServerCertificate subExampleCert = provider.loadFromStore("My", "a.example.org", true,
								StoreLocation.CURRENT_USER);
						Map<String, ServerCertificate> certs = new HashMap<>();
						certs.put("default.example", localhostCert);
						certs.put("store.example", exampleCert);
						certs.put("a.example.org", subExampleCert);
						httpsOptions.serverCertificateSelector((connectionContext, name) -> (name != null)
								? certs.getOrDefault(name, localhostCert) : localhostCert);
					}));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenUseHttpsPfx {

		@Bean
		KestrelServerOptionsCustomizer kestrel() {
			return (serverOptions) -> {
				serverOptions.listen(InetAddress.getLoopbackAddress(), 5000);
				serverOptions.listen(InetAddress.getLoopbackAddress(), 5001, (listenOptions) -> listenOptions
					.useHttps(certs.resolve("testCert.pfx").toString(), "testPassword"));
			};
		}

	}

	// ---------------------------------------------------------------- helpers

	private void start(String yaml) {
		this.context = new SpringApplicationBuilder(TestApplication.class)
			.properties("spring.config.import=classpath:endpoints-page/" + yaml, "certs=" + certs,
					"password=" + PASSWORD, "server.port=0")
			.run();
	}

	private void start(Class<?> configuration, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("server.port=0");
		this.context = new SpringApplicationBuilder(TestApplication.class, configuration)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private int port(String endpoint) {
		return this.context.getBean(ServerAddresses.class).getEndpoint(endpoint).orElseThrow().port();
	}

	/**
	 * @return curl's verbose output: the certificate subject, TLS version and status line
	 */
	private static String served(String host, int port) {
		CommandResult result = curl(host, port);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

	private static CommandResult curl(String host, int port, String... extra) {
		List<String> arguments = new ArrayList<>(List.of("-v", "-o", "/dev/null", "--cacert", rootPem.toString(),
				"--resolve", host + ":" + port + ":127.0.0.1"));
		arguments.addAll(List.of(extra));
		arguments.add("https://" + host + ":" + port + "/");
		return TestServers.curl(arguments.toArray(String[]::new));
	}

}
