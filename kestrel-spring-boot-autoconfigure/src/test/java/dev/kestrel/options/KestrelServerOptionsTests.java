package dev.kestrel.options;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.EndpointDefaultsConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KestrelServerOptions}: the code API (S5) and
 * {@code configureEndpointDefaults} ordering.
 */
class KestrelServerOptionsTests {

	private final KestrelServerOptions options = new KestrelServerOptions();

	@Test
	void listenMethodsCreateCodeEndpointsInOrder() throws Exception {
		this.options.listen(InetAddress.getByName("127.0.0.1"), 5000);
		this.options.listen(new InetSocketAddress(InetAddress.getByName("::1"), 5001), (listen) -> {
		});
		this.options.listenAnyIP(5002);
		this.options.listenLocalhost(5003);
		this.options.listenUnixSocket("/tmp/kestrel.sock");
		assertThat(this.options.getCodeListenOptions()).extracting(ListenOptions::getDisplayName)
			.containsExactly("http://127.0.0.1:5000", "http://[::1]:5001", "http://[::]:5002", "http://localhost:5003",
					"http://unix:/tmp/kestrel.sock");
		assertThat(this.options.getCodeListenOptions()).extracting(ListenOptions::getKind)
			.containsExactly(EndpointKind.IP, EndpointKind.IP, EndpointKind.ANY_IP, EndpointKind.LOCALHOST,
					EndpointKind.UNIX_SOCKET);
		assertThat(this.options.getCodeListenOptions()).allSatisfy((listen) -> {
			assertThat(listen.getSource()).isEqualTo(EndpointSource.CODE);
			assertThat(listen.isHttps()).isFalse();
			assertThat(listen.getName()).as("named when created, as the binder used to name them").startsWith("code-");
		});
		assertThat(this.options.getCodeListenOptions()).extracting(ListenOptions::getName)
			.containsExactly("code-0", "code-1", "code-2", "code-3", "code-4");
	}

	@Test
	void listenReturnsTheEndpointItAdded() {
		ListenOptions listen = this.options.listenAnyIP(8080);
		assertThat(this.options.getCodeListenOptions()).containsExactly(listen);
	}

	@Test
	void codeEndpointsCannotBeAddedThroughTheReturnedList() {
		this.options.listenAnyIP(8080);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.options.getCodeListenOptions().clear());
	}

	@Test
	void listenLocalhostOnPortZeroFailsWithKestrelsMessage() {
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> this.options.listenLocalhost(0))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(BindingMessages.dynamicPortOnLocalhost()));
		assertThat(this.options.getCodeListenOptions()).isEmpty();
	}

	@Test
	void listenOnPortZeroIsAllowedForIpAndAnyIp() {
		this.options.listen(InetAddress.getLoopbackAddress(), 0);
		this.options.listenAnyIP(0);
		assertThat(this.options.getCodeListenOptions()).extracting(ListenOptions::getPort).containsExactly(0, 0);
	}

	@Test
	void outOfRangePortsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.options.listenAnyIP(65536))
			.withMessage("port: 65536 (expected: 0-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.options.listenAnyIP(-1))
			.withMessage("port: -1 (expected: 0-65535)");
		assertThatIllegalArgumentException().isThrownBy(() -> this.options.listenLocalhost(70000))
			.withMessage("port: 70000 (expected: 0-65535)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.options.listen(InetAddress.getLoopbackAddress(), 100000))
			.withMessage("port: 100000 (expected: 0-65535)");
		assertThat(this.options.getCodeListenOptions()).isEmpty();
	}

	@Test
	void relativeUnixSocketPathIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.options.listenUnixSocket("run/app.sock"))
			.withMessage("path: run/app.sock (expected: an absolute path)");
	}

	@Test
	void nullArgumentsAreRejected() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> this.options.listen(null, 80))
			.withMessage("address");
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> this.options.listen((InetSocketAddress) null, (listen) -> {
			}))
			.withMessage("address");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> this.options.listenAnyIP(80, null))
			.withMessage("configure");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> this.options.listenUnixSocket(null))
			.withMessage("path");
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> this.options.configureEndpointDefaults(null))
			.withMessage("configure");
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> this.options.configure((dev.kestrel.configuration.KestrelConfig) null))
			.withMessage("configuration");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> this.options.useUrls((String[]) null))
			.withMessage("urls");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> this.options.applyEndpointDefaults(null))
			.withMessage("options");
	}

	@Test
	void endpointCallbackRunsAfterTheEndpointDefaults() {
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		ListenOptions listen = this.options.listenAnyIP(8080, (endpoint) -> {
			assertThat(endpoint.getProtocols()).isEqualTo(HttpProtocols.HTTP1);
			endpoint.protocols(HttpProtocols.HTTP2);
		});
		assertThat(listen.getProtocols()).isEqualTo(HttpProtocols.HTTP2);
	}

	@Test
	void lastConfigureEndpointDefaultsCallWins() {
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		this.options.configureEndpointDefaults((listen) -> listen.name("second"));
		ListenOptions listen = this.options.listenAnyIP(8080);
		assertThat(listen.getName()).isEqualTo("second");
		assertThat(listen.getProtocols()).isEqualTo(HttpProtocols.HTTP1_AND_HTTP2);
		assertThat(listen.isProtocolsSetExplicitly()).isFalse();
	}

	@Test
	void endpointsCreatedBeforeConfigureEndpointDefaultsDoNotGetThem() {
		ListenOptions before = this.options.listenAnyIP(8080);
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		ListenOptions after = this.options.listenAnyIP(8081);
		assertThat(before.getProtocols()).isEqualTo(HttpProtocols.HTTP1_AND_HTTP2);
		assertThat(after.getProtocols()).isEqualTo(HttpProtocols.HTTP1);
	}

	@Test
	void configurationEndpointDefaultsApplyToCodeEndpointsCreatedAfterConfigure() {
		this.options.configure(defaultsWithProtocols("Http1"));
		ListenOptions listen = this.options.listenAnyIP(8080);
		assertThat(listen.getProtocols()).isEqualTo(HttpProtocols.HTTP1);
	}

	@Test
	void codeEndpointDefaultsRunAfterConfigurationEndpointDefaults() {
		this.options.configure(defaultsWithProtocols("Http1"));
		this.options.configureEndpointDefaults((listen) -> {
			assertThat(listen.getProtocols()).isEqualTo(HttpProtocols.HTTP1);
			listen.protocols(HttpProtocols.HTTP2);
		});
		assertThat(this.options.listenAnyIP(8080).getProtocols()).isEqualTo(HttpProtocols.HTTP2);
	}

	@Test
	void invalidConfigurationEndpointDefaultsProtocolsFailWhenAnEndpointIsCreated() {
		this.options.configure(defaultsWithProtocols("Http9"));
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> this.options.listenAnyIP(80))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.invalidProtocols("Http9"));
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoint-defaults.protocols");
				assertThat(ex.getEndpointName()).isNull();
			});
	}

	@Test
	void configureWithoutArgumentsCreatesAnEmptyLoaderOnce() {
		assertThat(this.options.getConfigurationLoader()).isNull();
		KestrelConfigurationLoader loader = this.options.configure();
		assertThat(loader.getConfiguration()).isEqualTo(KestrelConfig.EMPTY);
		assertThat(this.options.configure()).isSameAs(loader);
		assertThat(this.options.getConfigurationLoader()).isSameAs(loader);
		assertThat(loader.load()).isEmpty();
	}

	@Test
	void configureWithoutArgumentsKeepsAnAttachedConfiguration() {
		KestrelConfig configuration = new KestrelConfig(List.of(EndpointConfig.of("Http", "http://*:80")), null, null);
		KestrelConfigurationLoader loader = this.options.configure(configuration);
		assertThat(this.options.configure()).isSameAs(loader);
	}

	@Test
	void useUrlsReplacesEarlierUrls() {
		assertThat(this.options.getUrls()).isEmpty();
		this.options.useUrls("http://localhost:5000", "http://localhost:5001");
		this.options.useUrls("http://*:8080");
		assertThat(this.options.getUrls()).containsExactly("http://*:8080");
	}

	@Test
	void defaultCertificateSectionIsLoadedThroughTheCertificateProvider() {
		ServerCertificate certificate = TestCertificates.selfSigned("localhost").toServerCertificate();
		this.options.certificateProvider(new FixedCertificateProvider(certificate));
		this.options.configure(withCertificate("Default"));
		assertThat(this.options.defaultCertificate()).containsSame(certificate);
	}

	// BUG: Kestrel's Certificates dictionary is case-insensitive (S6.3) and
	// UnsupportedSettings accepts any spelling
	// of "Default", but KestrelConfig copies the map with Map.copyOf (case-sensitive) and
	// the loader looks it up with
	// containsKey("Default"). A section spelled "default" (e.g. the Spring environment
	// variable
	// KESTREL_CERTIFICATES_DEFAULT_PATH, whose map key is lower case) or "DEFAULT" is
	// silently ignored.
	@ParameterizedTest
	@ValueSource(strings = { "default", "DEFAULT" })
	void defaultCertificateSectionIsFoundWhateverItsCase(String name) {
		ServerCertificate certificate = TestCertificates.selfSigned("localhost").toServerCertificate();
		this.options.certificateProvider(new FixedCertificateProvider(certificate));
		this.options.configure(withCertificate(name));
		assertThat(this.options.defaultCertificate()).containsSame(certificate);
	}

	private static KestrelConfig withCertificate(String name) {
		return new KestrelConfig(List.of(), null,
				Map.of(name, new CertificateConfig("server.pfx", null, null, null, null, null, null, null)));
	}

	private static KestrelConfig defaultsWithProtocols(String protocols) {
		return new KestrelConfig(List.of(), new EndpointDefaultsConfig(protocols, null, null), null);
	}

	/**
	 * A certificate provider that loads every non-empty section as the same certificate.
	 */
	private static final class FixedCertificateProvider implements CertificateProvider {

		private final ServerCertificate certificate;

		FixedCertificateProvider(ServerCertificate certificate) {
			this.certificate = certificate;
		}

		@Override
		public Optional<ServerCertificate> load(String endpointName, String keyPrefix, CertificateConfig config) {
			return config.isEmpty() ? Optional.empty() : Optional.of(this.certificate);
		}

		@Override
		public Optional<ServerCertificate> developmentCertificate() {
			return Optional.empty();
		}

		@Override
		public ServerCertificate loadFile(String fileName, String password) {
			return this.certificate;
		}

		@Override
		public ServerCertificate loadFromStore(String storeName, String subject, boolean allowInvalid,
				StoreLocation location) {
			return this.certificate;
		}

	}

}
