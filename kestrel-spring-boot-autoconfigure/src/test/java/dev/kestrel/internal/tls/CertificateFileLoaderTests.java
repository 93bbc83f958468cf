package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyFormat;
import dev.kestrel.testing.TestCertificates.KeyType;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;

import static dev.kestrel.internal.tls.TlsAssertions.PASSWORD;
import static dev.kestrel.internal.tls.TlsAssertions.assertFailure;
import static dev.kestrel.internal.tls.TlsAssertions.assertKeyBelongsTo;
import static org.assertj.core.api.Assertions.assertThat;

class CertificateFileLoaderTests {

	private static final String ENDPOINT = "Https";

	private static final String PREFIX = "kestrel.endpoints.Https.certificate";

	private static TestCertificate ec;

	private static TestCertificate rsa;

	private static TestCertificate ed25519;

	private static TestCertificate root;

	private static TestCertificate intermediate;

	private static TestCertificate leaf;

	@TempDir
	Path directory;

	@BeforeAll
	static void generateCertificates() {
		ec = TestCertificates.certificate("ec.example.test").build();
		rsa = TestCertificates.certificate("rsa.example.test").rsa().build();
		ed25519 = TestCertificates.certificate("ed25519.example.test").keyType(KeyType.ED25519).build();
		root = TestCertificates.ca("Test Root");
		intermediate = TestCertificates.certificate("Test Intermediate").certificateAuthority().signedBy(root).build();
		leaf = TestCertificates.signedBy("leaf.example.test", intermediate);
	}

	private CertificateFileLoader loader() {
		return new CertificateFileLoader(this.directory, ENDPOINT, PREFIX);
	}

	@Test
	void pkcs12WithPasswordLoadsTheLeafItsKeyAndItsChain() throws Exception {
		Path pfx = leaf.writePfx(this.directory, PASSWORD);
		ServerCertificate loaded = loader().load(pfx.toString(), null, PASSWORD);
		assertThat(loaded.certificate()).isEqualTo(leaf.certificate());
		assertThat(loaded.intermediates()).containsExactly(intermediate.certificate());
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@ParameterizedTest
	@NullAndEmptySource
	void pkcs12WithoutPasswordLoadsWithNullOrEmptyPassword(String password) throws Exception {
		Path pfx = ec.writePfx(this.directory);
		ServerCertificate loaded = loader().loadPkcs12(pfx.toString(), password);
		assertThat(loaded.certificate()).isEqualTo(ec.certificate());
		assertThat(loaded.intermediates()).isEmpty();
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void pkcs12WithRsaKeyLoads() throws Exception {
		ServerCertificate loaded = loader().load(rsa.writePfx(this.directory, PASSWORD).toString(), null, PASSWORD);
		assertThat(loaded.privateKey().getAlgorithm()).isEqualTo("RSA");
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void pkcs12WithWrongPasswordIsReportedWithoutThePassword() {
		Path pfx = ec.writePfx(this.directory, "another-password");
		assertFailure(() -> loader().load(pfx.toString(), null, PASSWORD),
				CertificateMessages.incorrectCertificatePassword(pfx.toString()), ENDPOINT, PREFIX + ".password");
	}

	@ParameterizedTest
	@NullAndEmptySource
	void pkcs12WithPasswordButNoneConfiguredIsReportedAsWrongPassword(String password) {
		Path pfx = ec.writePfx(this.directory, PASSWORD);
		assertFailure(() -> loader().load(pfx.toString(), null, password),
				CertificateMessages.incorrectCertificatePassword(pfx.toString()), ENDPOINT, PREFIX + ".password");
	}

	@Test
	void pkcs12WithoutPrivateKeyIsRejected() throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setCertificateEntry("trusted", ec.certificate());
		Path pfx = this.directory.resolve("trusted.pfx");
		try (var out = Files.newOutputStream(pfx)) {
			keyStore.store(out, PASSWORD.toCharArray());
		}
		assertFailure(() -> loader().load(pfx.toString(), null, PASSWORD),
				CertificateMessages.pkcs12WithoutPrivateKey(pfx.toString()), ENDPOINT, PREFIX + ".path");
	}

	@Test
	void pkcs12WithKeyPathIsRejected() {
		Path pfx = ec.writePfx(this.directory, PASSWORD);
		Path key = ec.writeKeyPem(this.directory);
		assertFailure(() -> loader().load(pfx.toString(), key.toString(), PASSWORD),
				CertificateMessages.keyPathWithPkcs12(pfx.toString()), ENDPOINT, PREFIX + ".key-path");
	}

	static Stream<Arguments> keyTypesAndFormats() {
		return Stream.of(KeyType.values())
			.flatMap((keyType) -> Arrays.stream(KeyFormat.values())
				.filter((format) -> format.supports(keyType))
				.map((format) -> Arguments.of(keyType, format)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("keyTypesAndFormats")
	void pemCertificateWithKeyInEveryFormatLoads(KeyType keyType, KeyFormat format) throws Exception {
		TestCertificate certificate = certificate(keyType);
		String password = format.isEncrypted() ? PASSWORD : null;
		PemFiles files = certificate.writePem(this.directory, format, password);
		ServerCertificate loaded = loader().load(files.certificate().toString(), files.key().toString(), password);
		assertThat(loaded.certificate()).isEqualTo(certificate.certificate());
		assertThat(loaded.intermediates()).isEmpty();
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	static Stream<Arguments> encryptedKeyTypesAndFormats() {
		return keyTypesAndFormats().filter((arguments) -> ((KeyFormat) arguments.get()[1]).isEncrypted());
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("encryptedKeyTypesAndFormats")
	void encryptedKeyWithWrongPasswordIsReportedWithoutThePassword(KeyType keyType, KeyFormat format) {
		PemFiles files = certificate(keyType).writePem(this.directory, format, "the-right-one");
		assertFailure(() -> loader().load(files.certificate().toString(), files.key().toString(), PASSWORD),
				CertificateMessages.incorrectKeyPassword(files.key().toString()), ENDPOINT, PREFIX + ".password");
	}

	@ParameterizedTest
	@EnumSource(value = KeyFormat.class, names = { "PKCS8_AES", "PKCS8_SCRYPT", "LEGACY_AES" })
	void encryptedKeyWithoutPasswordIsReported(KeyFormat format) {
		PemFiles files = rsa.writePem(this.directory, format, PASSWORD);
		for (String password : new String[] { null, "" }) {
			assertFailure(() -> loader().load(files.certificate().toString(), files.key().toString(), password),
					CertificateMessages.encryptedKeyWithoutPassword(files.key().toString()), ENDPOINT,
					PREFIX + ".password");
		}
	}

	@Test
	void ecKeyWithoutCurveTakesTheCurveOfTheCertificate() throws Exception {
		PemFiles files = ec.writePem(this.directory, KeyFormat.SEC1_WITHOUT_CURVE, null);
		String pem = Files.readString(files.key());
		Files.writeString(files.key(), pem.substring(pem.indexOf("-----BEGIN EC PRIVATE KEY-----")));
		ServerCertificate loaded = loader().load(files.certificate().toString(), files.key().toString(), null);
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void passwordIsIgnoredForAnUnencryptedKey() throws Exception {
		PemFiles files = ec.writePem(this.directory);
		ServerCertificate loaded = loader().load(files.certificate().toString(), files.key().toString(), PASSWORD);
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void derCertificateWithPemKeyLoads(KeyType keyType) throws Exception {
		TestCertificate certificate = certificate(keyType);
		Path der = certificate.writeCertificateDer(this.directory);
		Path key = certificate.writeKeyPem(this.directory);
		ServerCertificate loaded = loader().load(der.toString(), key.toString(), null);
		assertThat(loaded.certificate()).isEqualTo(certificate.certificate());
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void extraCertificatesInThePemFileBecomeIntermediates() throws Exception {
		PemFiles files = leaf.writePem(this.directory, KeyFormat.PKCS8_AES, PASSWORD);
		ServerCertificate loaded = loader().load(files.certificate().toString(), files.key().toString(), PASSWORD);
		assertThat(loaded.certificate()).isEqualTo(leaf.certificate());
		assertThat(loaded.intermediates()).containsExactly(intermediate.certificate());
		assertThat(loaded.chain()).containsExactly(leaf.certificate(), intermediate.certificate());
	}

	@Test
	void certificateAndKeyMayShareOneFile() throws Exception {
		PemFiles files = leaf.writePem(this.directory);
		Path combined = this.directory.resolve("combined.pem");
		Files.writeString(combined, Files.readString(files.key()) + Files.readString(files.certificate()));
		ServerCertificate loaded = loader().load(combined.toString(), combined.toString(), null);
		assertThat(loaded.chain()).containsExactly(leaf.certificate(), intermediate.certificate());
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void pemCertificateWithoutKeyPathIsReportedAsMissingKey() {
		Path certificate = ec.writeCertificatePem(this.directory);
		assertFailure(() -> loader().load(certificate.toString(), null, null),
				CertificateMessages.invalidPemKey(certificate.toString()), ENDPOINT, PREFIX + ".key-path");
	}

	@Test
	void derCertificateWithoutKeyPathIsReportedAsMissingKey() {
		Path certificate = rsa.writeCertificateDer(this.directory);
		assertFailure(() -> loader().load(certificate.toString(), "  ", PASSWORD),
				CertificateMessages.invalidPemKey(certificate.toString()), ENDPOINT, PREFIX + ".key-path");
	}

	@Test
	void missingCertificateFileIsReportedWithItsPath() {
		Path missing = this.directory.resolve("missing.pfx");
		KestrelConfigurationException ex = assertFailure(() -> loader().load("missing.pfx", null, PASSWORD),
				CertificateMessages.certificateFileNotFound(missing.toString()), ENDPOINT, PREFIX + ".path");
		assertThat(ex.getMessage()).contains(missing.toString());
	}

	@Test
	void missingKeyFileIsReportedWithItsPath() {
		Path certificate = ec.writeCertificatePem(this.directory);
		Path missing = this.directory.resolve("missing.key");
		assertFailure(() -> loader().load(certificate.toString(), missing.toString(), PASSWORD),
				CertificateMessages.certificateKeyFileNotFound(missing.toString()), ENDPOINT, PREFIX + ".key-path");
	}

	@Test
	void directoryAsCertificateFileIsReported() {
		assertFailure(() -> loader().load(".", null, null), CertificateMessages
			.certificateFileUnreadable(this.directory.toAbsolutePath().normalize().toString(), "it is a directory"),
				ENDPOINT, PREFIX + ".path");
	}

	@Test
	void keyOfAnotherCertificateIsRejected() {
		TestCertificate other = TestCertificates.certificate("other.example.test").fileName("other").build();
		Path certificate = ec.writeCertificatePem(this.directory);
		Path key = other.writeKeyPem(this.directory);
		assertFailure(() -> loader().load(certificate.toString(), key.toString(), null),
				CertificateMessages.keyDoesNotMatchCertificate(key.toString(), certificate.toString()), ENDPOINT,
				PREFIX + ".key-path");
	}

	@Test
	void rsaKeyOfAnotherCertificateIsRejected() {
		TestCertificate other = TestCertificates.certificate("other.example.test").rsa().fileName("other").build();
		Path certificate = rsa.writeCertificatePem(this.directory);
		Path key = other.writeKeyPem(this.directory, KeyFormat.TRADITIONAL, null);
		assertFailure(() -> loader().load(certificate.toString(), key.toString(), null),
				CertificateMessages.keyDoesNotMatchCertificate(key.toString(), certificate.toString()), ENDPOINT,
				PREFIX + ".key-path");
	}

	@Test
	void keyOfAnotherAlgorithmIsRejected() {
		Path certificate = rsa.writeCertificatePem(this.directory);
		Path key = ec.writeKeyPem(this.directory, KeyFormat.PKCS8_AES, PASSWORD);
		assertFailure(() -> loader().load(certificate.toString(), key.toString(), PASSWORD),
				CertificateMessages.keyDoesNotMatchCertificate(key.toString(), certificate.toString()), ENDPOINT,
				PREFIX + ".key-path");
	}

	@Test
	void publicKeyInTheKeyFileIsRejected() {
		Path certificate = ec.writeCertificatePem(this.directory);
		Path key = ec.writePublicKeyPem(this.directory);
		assertFailure(() -> loader().load(certificate.toString(), key.toString(), null),
				CertificateMessages.privateKeyUnreadable(key.toString()), ENDPOINT, PREFIX + ".key-path");
	}

	@Test
	void keyFileHoldingOnlyACertificateIsRejected() {
		Path certificate = ec.writeCertificatePem(this.directory);
		assertFailure(() -> loader().load(certificate.toString(), certificate.toString(), null),
				CertificateMessages.invalidCertificateKeyFile(certificate.toString()), ENDPOINT, PREFIX + ".key-path");
	}

	@Test
	void garbageKeyFileIsRejected() throws Exception {
		Path certificate = ec.writeCertificatePem(this.directory);
		Path key = Files.writeString(this.directory.resolve("garbage.key"),
				"-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
		assertFailure(() -> loader().load(certificate.toString(), key.toString(), null),
				CertificateMessages.invalidCertificateKeyFile(key.toString()), ENDPOINT, PREFIX + ".key-path");
	}

	@Test
	void binaryGarbageAsCertificateFileIsRejected() throws Exception {
		byte[] garbage = new byte[512];
		new SecureRandom().nextBytes(garbage);
		Path file = Files.write(this.directory.resolve("garbage.pfx"), garbage);
		assertFailure(() -> loader().load(file.toString(), null, PASSWORD),
				CertificateMessages.invalidCertificateFile(file.toString()), ENDPOINT, PREFIX + ".path");
	}

	@Test
	void emptyCertificateFileIsRejected() throws Exception {
		Path file = Files.write(this.directory.resolve("empty.pfx"), new byte[0]);
		assertFailure(() -> loader().load(file.toString(), null, null),
				CertificateMessages.invalidCertificateFile(file.toString()), ENDPOINT, PREFIX + ".path");
	}

	@Test
	void malformedPemCertificateIsRejected() throws Exception {
		Path file = Files.writeString(this.directory.resolve("bad.crt"),
				"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
		Path key = ec.writeKeyPem(this.directory);
		assertFailure(() -> loader().load(file.toString(), key.toString(), null),
				CertificateMessages.invalidCertificateFile(file.toString()), ENDPOINT, PREFIX + ".path");
	}

	@Test
	void pemFileWithoutCertificateIsRejected() {
		Path key = ec.writeKeyPem(this.directory);
		assertFailure(() -> loader().load(key.toString(), key.toString(), null),
				CertificateMessages.invalidCertificateFile(key.toString()), ENDPOINT, PREFIX + ".path");
	}

	@Test
	void relativePathsResolveAgainstTheContentRoot() throws Exception {
		Path certs = Files.createDirectories(this.directory.resolve("certs"));
		ec.writePem(certs, KeyFormat.PKCS8_AES, PASSWORD);
		ServerCertificate loaded = loader().load("certs/ec.example.test.crt", "./certs/ec.example.test.aes.key",
				PASSWORD);
		assertThat(loaded.certificate()).isEqualTo(ec.certificate());
		assertThat(loader().resolve("certs/x.pfx")).isEqualTo(this.directory.resolve("certs/x.pfx").toAbsolutePath());
	}

	@Test
	void absolutePathsIgnoreTheContentRoot() throws Exception {
		Path pfx = ec.writePfx(this.directory, PASSWORD);
		CertificateFileLoader elsewhere = new CertificateFileLoader(this.directory.resolve("elsewhere"));
		assertThat(elsewhere.load(pfx.toAbsolutePath().toString(), null, PASSWORD).certificate())
			.isEqualTo(ec.certificate());
	}

	@Test
	void loaderWithoutContextNamesNoEndpointAndNoKey() {
		Path missing = this.directory.resolve("missing.pfx");
		assertFailure(() -> new CertificateFileLoader(this.directory).load("missing.pfx", null, null),
				CertificateMessages.certificateFileNotFound(missing.toString()), null, null);
	}

	private static TestCertificate certificate(KeyType keyType) {
		return switch (keyType) {
			case EC_P256 -> ec;
			case RSA_2048 -> rsa;
			case ED25519 -> ed25519;
		};
	}

}
