package dev.kestrel.internal.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.testing.TestCertificates.KeyFormat;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static dev.kestrel.internal.tls.TlsAssertions.PASSWORD;
import static dev.kestrel.internal.tls.TlsAssertions.assertFailure;
import static dev.kestrel.internal.tls.TlsAssertions.assertKeyBelongsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class CertificateConfigLoaderTests {

	private static final String ENDPOINT = "Https";

	private static final String PREFIX = "kestrel.endpoints.Https.certificate";

	private static TestCertificate localhost;

	@TempDir
	Path directory;

	private final List<String> storeRequests = new ArrayList<>();

	private List<StoredCertificate> storeContent = List.of();

	private final StoreLoader storeLoader = (storeName, location) -> {
		this.storeRequests.add(location.kestrelName() + "/" + storeName);
		return this.storeContent;
	};

	private final BundleResolver noBundles = (bundleName) -> null;

	@BeforeAll
	static void generateCertificate() {
		localhost = TestCertificates.selfSigned("localhost");
	}

	@Test
	void emptySectionLoadsNothing() {
		assertThat(load(CertificateConfig.EMPTY)).isEmpty();
		assertThat(load(config(null, null, PASSWORD, null, null, null, null, null))).isEmpty();
		assertThat(this.storeRequests).isEmpty();
	}

	@Test
	void pkcs12FileLoadsWithoutWarnings() throws Exception {
		Path pfx = localhost.writePfx(this.directory, PASSWORD);
		LoadedCertificate loaded = load(
				config(pfx.getFileName().toString(), null, PASSWORD, null, null, null, null, null))
			.orElseThrow();
		assertThat(loaded.certificate().certificate()).isEqualTo(localhost.certificate());
		assertThat(loaded.warnings()).isEmpty();
		assertKeyBelongsTo(loaded.certificate().certificate(), loaded.certificate().privateKey());
	}

	@Test
	void pemFilesLoadRelativeToTheContentRoot() throws Exception {
		Files.createDirectories(this.directory.resolve("certs"));
		localhost.writePem(this.directory.resolve("certs"), KeyFormat.PKCS8_SCRYPT, PASSWORD);
		LoadedCertificate loaded = load(
				config("certs/localhost.crt", "certs/localhost.scrypt.key", PASSWORD, null, null, null, null, null))
			.orElseThrow();
		assertThat(loaded.certificate().certificate()).isEqualTo(localhost.certificate());
	}

	@Test
	void fileErrorsNameTheEndpointAndTheKey() {
		Path pfx = localhost.writePfx(this.directory, "other");
		assertFailure(() -> load(config(pfx.toString(), null, PASSWORD, null, null, null, null, null)),
				CertificateMessages.incorrectCertificatePassword(pfx.toString()), ENDPOINT, PREFIX + ".password");
		Path missing = this.directory.resolve("missing.crt");
		assertFailure(() -> load(config("missing.crt", "missing.key", PASSWORD, null, null, null, null, null)),
				CertificateMessages.certificateFileNotFound(missing.toString()), ENDPOINT, PREFIX + ".path");
	}

	@Test
	void pathAndSubjectAreMultipleSources() {
		assertFailure(() -> load(config("server.pfx", null, PASSWORD, "localhost", null, null, null, null)),
				CertificateMessages.multipleCertificateSources(ENDPOINT), ENDPOINT, PREFIX);
	}

	@Test
	void bundleAndPathAreMultipleSources() {
		assertFailure(() -> load(config("server.pfx", null, null, null, null, null, null, "web")),
				CertificateMessages.multipleCertificateSources(ENDPOINT), ENDPOINT, PREFIX);
	}

	@Test
	void subjectAndBundleAreMultipleSources() {
		assertFailure(() -> load(config(null, null, null, "localhost", null, null, null, "web")),
				CertificateMessages.multipleCertificateSources(ENDPOINT), ENDPOINT, PREFIX);
		assertThat(CertificateMessages.multipleCertificateSources("Default").description())
			.isEqualTo("The endpoint Default specified multiple certificate sources.");
	}

	@Test
	void storeDefaultsToMyInCurrentUser() {
		this.storeContent = List.of(localhost.toStoredCertificate(true));
		LoadedCertificate loaded = load(config(null, null, null, "localhost", null, null, null, null)).orElseThrow();
		assertThat(loaded.certificate()).isEqualTo(localhost.toServerCertificate());
		assertThat(this.storeRequests).containsExactly("CurrentUser/My");
	}

	@Test
	void storeAndLocationAreReadIgnoringTheCaseOfTheLocation() {
		this.storeContent = List.of(localhost.toStoredCertificate(true));
		load(config(null, null, null, "localhost", "WebHosting", "localmachine", null, null));
		assertThat(this.storeRequests).containsExactly("LocalMachine/WebHosting");
	}

	@Test
	void invalidLocationIsReportedWithItsKey() {
		assertFailure(() -> load(config(null, null, null, "localhost", null, "Everywhere", null, null)),
				CertificateMessages.invalidStoreLocation("Everywhere"), ENDPOINT, PREFIX + ".location");
		assertThat(this.storeRequests).isEmpty();
	}

	@Test
	void missingStoreCertificateIsReportedWithKestrelsMessage() {
		TestCertificate expired = TestCertificates.certificate("localhost").expired().build();
		this.storeContent = List.of(expired.toStoredCertificate(true));
		assertFailure(() -> load(config(null, null, null, "localhost", "My", "CurrentUser", false, null)),
				CertificateMessages.certificateNotFoundInStore("localhost", "CurrentUser", "My", false), ENDPOINT,
				PREFIX + ".subject");
	}

	@Test
	void allowInvalidAcceptsAnExpiredStoreCertificateWithAWarning() {
		TestCertificate expired = TestCertificates.certificate("localhost").expired().build();
		this.storeContent = List.of(expired.toStoredCertificate(true));
		LoadedCertificate loaded = load(config(null, null, null, "localhost", null, null, true, null)).orElseThrow();
		assertThat(loaded.certificate().certificate()).isEqualTo(expired.certificate());
		assertThat(loaded.warnings()).containsExactly(CertificateMessages.certificateExpired(expired.thumbprint(),
				expired.certificate().getNotAfter().toInstant().toString()));
	}

	@Test
	void storeErrorsWithoutContextGetTheEndpointAndTheKey() {
		KestrelConfigurationException storeFailure = new KestrelConfigurationException(
				CertificateMessages.certificateFileUnreadable("/stores/My", "access denied"));
		StoreLoader failing = (storeName, location) -> {
			throw storeFailure;
		};
		assertFailure(() -> CertificateConfigLoader.load(ENDPOINT, PREFIX,
				config(null, null, null, "localhost", null, null, null, null), this.directory, failing, this.noBundles),
				storeFailure.getProblem(), ENDPOINT, PREFIX + ".store");
	}

	@Test
	void bundleIsResolvedByName() {
		LoadedCertificate loaded = CertificateConfigLoader
			.load(ENDPOINT, PREFIX, config(null, null, null, null, null, null, null, " web "), this.directory,
					this.storeLoader, (name) -> "web".equals(name) ? localhost.toServerCertificate() : null)
			.orElseThrow();
		assertThat(loaded.certificate()).isEqualTo(localhost.toServerCertificate());
	}

	@Test
	void unknownBundleIsReportedWithItsKey() {
		assertFailure(() -> load(config(null, null, null, null, null, null, null, "web")),
				CertificateMessages.sslBundleNotFound("web"), ENDPOINT, PREFIX + ".bundle");
	}

	@Test
	void certificateWithoutServerAuthIsRefusedNamingEndpointAndKey() {
		TestCertificate client = TestCertificates.certificate("client").extendedKeyUsage(Eku.CLIENT_AUTH).build();
		Path pfx = client.writePfx(this.directory, PASSWORD);
		assertFailure(() -> load(config(pfx.toString(), null, PASSWORD, null, null, null, null, null)),
				CertificateMessages.invalidServerCertificateEku(client.thumbprint()), ENDPOINT, PREFIX + ".path");
	}

	@Test
	void fileCertificateWithoutSanAndExpiredLoadsWithWarnings() {
		TestCertificate certificate = TestCertificates.certificate("localhost")
			.noSubjectAlternativeName()
			.expired()
			.build();
		Path pfx = certificate.writePfx(this.directory);
		LoadedCertificate loaded = load(config(pfx.toString(), null, null, null, null, null, null, null)).orElseThrow();
		assertThat(loaded.warnings()).containsExactly(
				CertificateMessages.certificateLacksSubjectAlternativeName(certificate.thumbprint()),
				CertificateMessages.certificateExpired(certificate.thumbprint(),
						certificate.certificate().getNotAfter().toInstant().toString()));
	}

	@Test
	void defaultCertificateIsNamedDefault() {
		Path missing = this.directory.resolve("default.pfx");
		assertFailure(
				() -> CertificateConfigLoader.load("Default", "kestrel.certificates.default",
						config("default.pfx", null, PASSWORD, null, null, null, null, null), this.directory,
						this.storeLoader, this.noBundles),
				CertificateMessages.certificateFileNotFound(missing.toString()), "Default",
				"kestrel.certificates.default.path");
	}

	@Test
	void argumentsAreRequired() {
		assertThatNullPointerException()
			.isThrownBy(() -> CertificateConfigLoader.load(ENDPOINT, PREFIX, null, this.directory, this.storeLoader,
					this.noBundles))
			.withMessage("config");
	}

	private Optional<LoadedCertificate> load(CertificateConfig config) {
		return CertificateConfigLoader.load(ENDPOINT, PREFIX, config, this.directory, this.storeLoader, this.noBundles);
	}

	private static CertificateConfig config(String path, String keyPath, String password, String subject, String store,
			String location, Boolean allowInvalid, String bundle) {
		return new CertificateConfig(path, keyPath, password, subject, store, location, allowInvalid, bundle);
	}

}
