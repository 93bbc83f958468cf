package dev.kestrel.internal.tls.store;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.GeneratedCertificate;
import dev.kestrel.testing.RequiresTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

class CertificateStoreTests {

	private static GeneratedCertificate certificate;

	@TempDir
	Path temp;

	private final List<String> warnings = new ArrayList<>();

	@BeforeAll
	static void generate() {
		certificate = DevelopmentCertificate.generate(Clock.systemUTC());
	}

	@AfterEach
	void clearProperties() {
		System.clearProperty(CertificateStore.CURRENT_USER_PROPERTY);
		System.clearProperty(CertificateStore.LOCAL_MACHINE_PROPERTY);
	}

	@Test
	void addedCertificateIsListedWithItsKeyFromAThumbprintNamedFile() {
		CertificateStore store = open(CertificateStore.MY);
		StoredCertificate added = store.add(certificate.certificate(), certificate.privateKey());
		String thumbprint = Thumbprints.of(certificate.certificate());
		assertThat(added.file()).isEqualTo(this.temp.resolve("stores/my/" + thumbprint + ".pfx"));
		assertThat(thumbprint).matches("[0-9A-F]{40}");
		List<StoredCertificate> listed = store.list();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).certificate()).isEqualTo(certificate.certificate());
		assertThat(listed.get(0).privateKey().getEncoded()).isEqualTo(certificate.privateKey().getEncoded());
		assertThat(listed.get(0).thumbprint()).isEqualTo(thumbprint);
		assertThat(listed.get(0).toString()).contains(thumbprint).doesNotContain("modulus", "exponent");
		assertThat(this.warnings).isEmpty();
	}

	@Test
	void filesAreOwnerOnlyAndCreatedFoldersArePrivate() throws Exception {
		assumeThat(SecureFiles.isPosix(this.temp)).as("POSIX file system").isTrue();
		CertificateStore store = open("My");
		StoredCertificate added = store.add(certificate.certificate(), certificate.privateKey());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(added.file()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.temp.resolve("stores"))))
			.isEqualTo("rwx------");
		try (var files = Files.list(store.directory())) {
			assertThat(files).containsExactly(added.file());
		}
	}

	@Test
	void storeFolderIsTheLowerCaseStoreName() {
		assertThat(open("Root").directory()).isEqualTo(this.temp.resolve("stores/root"));
		assertThat(open("My").directory()).isEqualTo(this.temp.resolve("stores/my"));
		assertThat(open("CertificateAuthority").directory())
			.isEqualTo(this.temp.resolve("stores/certificateauthority"));
	}

	@Test
	void storeNamesThatAreNotAFolderNameAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> open("../etc"))
			.withMessage("storeName: ../etc (expected: a store name such as My or Root)");
		assertThatIllegalArgumentException().isThrownBy(() -> open(".."));
		assertThatIllegalArgumentException().isThrownBy(() -> open(" "));
	}

	@Test
	void missingStoreFolderIsAnEmptyStore() {
		assertThat(open("My").list()).isEmpty();
		assertThat(this.warnings).isEmpty();
	}

	@Test
	void removeDeletesTheFileWhateverTheThumbprintCase() {
		CertificateStore store = open("My");
		StoredCertificate added = store.add(certificate.certificate(), certificate.privateKey());
		assertThat(store.remove(added.thumbprint().toLowerCase(Locale.ROOT))).isTrue();
		assertThat(added.file()).doesNotExist();
		assertThat(store.list()).isEmpty();
		assertThat(store.remove(added.thumbprint())).isFalse();
	}

	@Test
	void malformedThumbprintIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> open("My").remove("ABC"))
			.withMessage("thumbprint: ABC (expected: 40 hexadecimal digits)");
	}

	@Test
	void corruptFileIsSkippedAndReportedWithoutHidingTheOthers() throws Exception {
		CertificateStore store = open("My");
		StoredCertificate added = store.add(certificate.certificate(), certificate.privateKey());
		Path corrupt = store.directory().resolve("0000000000000000000000000000000000000000.pfx");
		Files.write(corrupt, new byte[] { 0x30, 0x03, 0x02, 0x01, 0x03, 0x55 });
		Path truncated = store.directory().resolve("1111111111111111111111111111111111111111.pfx");
		byte[] valid = Files.readAllBytes(added.file());
		Files.write(truncated, Arrays.copyOf(valid, valid.length / 2));
		Files.writeString(store.directory().resolve("README.txt"), "not a certificate");
		List<StoredCertificate> listed = store.list();
		assertThat(listed).extracting(StoredCertificate::file).containsExactly(added.file());
		String prefix = CertificateMessages.unreadableStoreFile(corrupt.toString(), "\0").split("\0")[0];
		String truncatedPrefix = CertificateMessages.unreadableStoreFile(truncated.toString(), "\0").split("\0")[0];
		assertThat(this.warnings).hasSize(2);
		assertThat(this.warnings.get(0)).startsWith(prefix);
		assertThat(this.warnings.get(1)).startsWith(truncatedPrefix);
	}

	@Test
	void addingTheSameCertificateTwiceKeepsOneFile() throws Exception {
		CertificateStore store = open("My");
		StoredCertificate first = store.add(certificate.certificate(), certificate.privateKey());
		StoredCertificate second = store.add(certificate.certificate(), null);
		assertThat(second.file()).isEqualTo(first.file());
		assertThat(second.hasPrivateKey()).isTrue();
		try (var files = Files.list(store.directory())) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void addingTheKeyLaterReplacesTheCertificateOnlyFile() {
		CertificateStore store = open("My");
		StoredCertificate publicOnly = store.add(certificate.certificate(), null);
		assertThat(store.list()).singleElement().satisfies((stored) -> assertThat(stored.hasPrivateKey()).isFalse());
		StoredCertificate withKey = store.add(certificate.certificate(), certificate.privateKey());
		assertThat(withKey.file()).isEqualTo(publicOnly.file());
		assertThat(store.list()).singleElement().satisfies((stored) -> assertThat(stored.hasPrivateKey()).isTrue());
	}

	@Test
	void keyOfAnotherCertificateIsRejected() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair other = generator.generateKeyPair();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> open("My").add(certificate.certificate(), other.getPrivate()))
			.withMessageStartingWith("privateKey: RSA key (expected: the private key of certificate ");
	}

	@Test
	void keyThatCannotBeShownToBelongToTheCertificateIsRejected() throws Exception {
		PrivateKey keyAgreementKey = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> open("My").add(certificate.certificate(), keyAgreementKey))
			.withMessageStartingWith("privateKey: XDH key (expected: the private key of certificate ");
		assertThat(open("My").list()).isEmpty();
	}

	@Test
	void storeFileUsesTheNullPasswordMacThatDotnetWrites() throws Exception {
		StoredCertificate added = open("My").add(certificate.certificate(), certificate.privateKey());
		PKCS12PfxPdu pfx = new PKCS12PfxPdu(Files.readAllBytes(added.file()));
		assertThat(pfx.hasMac()).isTrue();
		assertThat(
				pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), new char[0]))
			.isTrue();
	}

	@Test
	void storeFileIsReadByTheJdkWithAnEmptyPassword() throws Exception {
		StoredCertificate withKey = open("My").add(certificate.certificate(), certificate.privateKey());
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(new ByteArrayInputStream(Files.readAllBytes(withKey.file())), new char[0]);
		String alias = Collections.list(keyStore.aliases()).get(0);
		assertThat(keyStore.getCertificate(alias)).isEqualTo(certificate.certificate());
		assertThat(keyStore.getKey(alias, new char[0]).getEncoded()).isEqualTo(certificate.privateKey().getEncoded());
		StoredCertificate publicOnly = open("Root").add(certificate.certificate(), null);
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(new ByteArrayInputStream(Files.readAllBytes(publicOnly.file())), new char[0]);
		assertThat(Collections.list(trustStore.aliases())).singleElement()
			.satisfies((alias2) -> assertThat(trustStore.getCertificate(alias2)).isEqualTo(certificate.certificate()));
	}

	@Test
	@RequiresTools("openssl")
	void storeFileIsReadByOpenSslWithAnEmptyPassword() throws Exception {
		StoredCertificate added = open("My").add(certificate.certificate(), certificate.privateKey());
		ExternalTools.Result result = ExternalTools.run("openssl", "pkcs12", "-in", added.file().toString(), "-passin",
				"pass:", "-nodes");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("-----BEGIN CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----");
	}

	@Test
	@RequiresTools("openssl")
	void filesWrittenByOpenSslWithAnEmptyPasswordAreRead() throws Exception {
		CertificateStore store = open("My");
		Files.createDirectories(store.directory());
		Path key = this.temp.resolve("key.pem");
		Path cert = this.temp.resolve("cert.pem");
		run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
				cert.toString(), "-subj", "/CN=openssl", "-days", "2");
		// OpenSSL 3 default (PBES2 AES-256), the 3DES form with the "empty" (terminated)
		// password, and no MAC.
		run("openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-passout", "pass:",
				"-out", store.directory().resolve("A.pfx").toString());
		run("openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-passout", "pass:",
				"-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1", "-out",
				store.directory().resolve("B.pfx").toString());
		run("openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-passout", "pass:",
				"-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-nomac", "-out",
				store.directory().resolve("C.pfx").toString());
		List<StoredCertificate> listed = store.list();
		assertThat(this.warnings).isEmpty();
		assertThat(listed).hasSize(3).allSatisfy((stored) -> {
			assertThat(stored.hasPrivateKey()).isTrue();
			assertThat(stored.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=openssl");
		});
	}

	@Test
	void currentUserRootIsThePropertyThenTheVariableThenTheDotnetFolder() {
		Path home = this.temp.resolve("home");
		assertThat(CertificateStore.currentUserRoot(Map.of(), home))
			.isEqualTo(home.resolve(".dotnet/corefx/cryptography/x509stores"));
		assertThat(CertificateStore
			.currentUserRoot(Map.of(CertificateStore.CURRENT_USER_VARIABLE, this.temp.resolve("env").toString()), home))
			.isEqualTo(this.temp.resolve("env"));
		System.setProperty(CertificateStore.CURRENT_USER_PROPERTY, this.temp.resolve("property").toString());
		assertThat(CertificateStore
			.currentUserRoot(Map.of(CertificateStore.CURRENT_USER_VARIABLE, this.temp.resolve("env").toString()), home))
			.isEqualTo(this.temp.resolve("property"));
		assertThat(CertificateStore.currentUserRoot()).isEqualTo(this.temp.resolve("property"));
	}

	@Test
	void localMachineRootDefaultsToASharedFolder() {
		assertThat(CertificateStore.localMachineRoot(Map.of()))
			.isEqualTo(Path.of("/usr/local/share/kestrel/x509stores"));
		assertThat(CertificateStore
			.localMachineRoot(Map.of(CertificateStore.LOCAL_MACHINE_VARIABLE, this.temp.resolve("machine").toString())))
			.isEqualTo(this.temp.resolve("machine"));
		System.setProperty(CertificateStore.LOCAL_MACHINE_PROPERTY, this.temp.resolve("property").toString());
		assertThat(CertificateStore.localMachineRoot()).isEqualTo(this.temp.resolve("property"));
	}

	private CertificateStore open(String name) {
		return CertificateStore.open(this.temp.resolve("stores"), name, this.warnings::add);
	}

	private static void run(String... command) {
		ExternalTools.Result result = ExternalTools.run(command);
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
