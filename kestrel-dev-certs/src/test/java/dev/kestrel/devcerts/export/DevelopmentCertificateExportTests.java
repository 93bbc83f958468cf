package dev.kestrel.devcerts.export;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.devcerts.ExternalTools;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificateException;
import dev.kestrel.internal.tls.devcert.GeneratedCertificate;
import dev.kestrel.testing.RequiresTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DevelopmentCertificateExportTests {

	private static GeneratedCertificate generated;

	@TempDir
	Path temp;

	@BeforeAll
	static void generate() {
		generated = DevelopmentCertificate.generate(Clock.systemUTC());
	}

	@Test
	void pfxWithPasswordOpensOnlyWithThePassword() throws Exception {
		Path pfx = this.temp.resolve("dev.pfx");
		List<Path> written = export(pfx, DevelopmentCertificateExport.Format.PFX, "s3cret");
		assertThat(written).containsExactly(pfx);
		assertMode(pfx, "rw-------");
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(new ByteArrayInputStream(Files.readAllBytes(pfx)), "s3cret".toCharArray());
		String alias = Collections.list(keyStore.aliases()).get(0);
		assertThat(keyStore.getCertificate(alias)).isEqualTo(generated.certificate());
		assertThat(keyStore.getKey(alias, "s3cret".toCharArray()).getEncoded())
			.isEqualTo(generated.privateKey().getEncoded());
	}

	@Test
	@RequiresTools("openssl")
	void opensslOpensThePfxOnlyWithThePassword() {
		Path pfx = this.temp.resolve("dev.pfx");
		export(pfx, DevelopmentCertificateExport.Format.PFX, "s3cret");
		ExternalTools.Result right = ExternalTools.run("openssl", "pkcs12", "-in", pfx.toString(), "-passin",
				"pass:s3cret", "-nodes");
		assertThat(right.exitCode()).as(right.output()).isZero();
		assertThat(right.output()).contains("BEGIN PRIVATE KEY", "BEGIN CERTIFICATE");
		ExternalTools.Result wrong = ExternalTools.run("openssl", "pkcs12", "-in", pfx.toString(), "-passin",
				"pass:wrong", "-nodes");
		assertThat(wrong.exitCode()).isNotZero();
		assertThat(wrong.output()).doesNotContain("BEGIN PRIVATE KEY");
	}

	@Test
	void pfxWithoutKeyIsTheDerCertificate() throws Exception {
		Path cer = this.temp.resolve("dev.pfx");
		DevelopmentCertificateExport.export(generated.certificate(), null, cer, DevelopmentCertificateExport.Format.PFX,
				null);
		assertThat(CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cer)))).isEqualTo(generated.certificate());
		assertThat(Files.readAllBytes(cer)).isEqualTo(generated.certificate().getEncoded());
		assertMode(cer, "rw-r--r--");
	}

	@Test
	void pemWithPasswordWritesAnAes256Pkcs8KeyThatNeedsThePassword() throws Exception {
		Path crt = this.temp.resolve("dev.crt");
		List<Path> written = export(crt, DevelopmentCertificateExport.Format.PEM, "s3cret");
		Path key = this.temp.resolve("dev.key");
		assertThat(written).containsExactly(crt, key);
		assertMode(crt, "rw-r--r--");
		assertMode(key, "rw-------");
		String keyText = Files.readString(key);
		assertThat(keyText).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
		EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo
			.getInstance(Base64.getMimeDecoder().decode(keyText.replaceAll("-----[A-Z ]+-----", "")));
		assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
		PBES2Parameters parameters = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
		assertThat(parameters.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
		PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
		assertThat(pbkdf2.getIterationCount().intValue()).isEqualTo(100_000);
		assertThat(pbkdf2.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
	}

	@Test
	@RequiresTools("openssl")
	void opensslReadsThePemKeyOnlyWithThePassword() {
		Path crt = this.temp.resolve("dev.crt");
		export(crt, DevelopmentCertificateExport.Format.PEM, "s3cret");
		Path key = this.temp.resolve("dev.key");
		assertCertificateMatchesKey(crt, key, "pass:s3cret");
		ExternalTools.Result wrong = ExternalTools.run("openssl", "pkey", "-in", key.toString(), "-passin",
				"pass:wrong", "-noout");
		assertThat(wrong.exitCode()).isNotZero();
		ExternalTools.Result none = ExternalTools.run("openssl", "pkey", "-in", key.toString(), "-passin", "pass:",
				"-noout");
		assertThat(none.exitCode()).isNotZero();
	}

	@Test
	void pemWithoutPasswordWritesAPlainPkcs8Key() throws Exception {
		Path pem = this.temp.resolve("dev.pem");
		List<Path> written = DevelopmentCertificateExport.export(generated.certificate(), generated.privateKey(), pem,
				DevelopmentCertificateExport.Format.PEM, null);
		Path key = this.temp.resolve("dev.key");
		assertThat(written).containsExactly(pem, key);
		assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
		assertMode(key, "rw-------");
	}

	@Test
	@RequiresTools("openssl")
	void opensslReadsThePlainPemKeyOfTheCertificate() {
		Path pem = this.temp.resolve("dev.pem");
		DevelopmentCertificateExport.export(generated.certificate(), generated.privateKey(), pem,
				DevelopmentCertificateExport.Format.PEM, null);
		assertCertificateMatchesKey(pem, this.temp.resolve("dev.key"), "pass:");
	}

	@Test
	void pemWithoutKeyWritesTheCertificateOnly() throws Exception {
		Path pem = this.temp.resolve("dev.pem");
		assertThat(DevelopmentCertificateExport.export(generated.certificate(), null, pem,
				DevelopmentCertificateExport.Format.PEM, null))
			.containsExactly(pem);
		assertThat(this.temp.resolve("dev.key")).doesNotExist();
	}

	@Test
	void emptyPasswordCannotEncryptAPemKey() {
		assertThatExceptionOfType(DevelopmentCertificateException.class)
			.isThrownBy(() -> export(this.temp.resolve("dev.pem"), DevelopmentCertificateExport.Format.PEM, ""))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(ExportMessages.emptyPemKeyPassword()));
		assertThat(this.temp.resolve("dev.key")).doesNotExist();
	}

	@Test
	void missingDirectoryIsReportedWithKestrelsMessage() {
		Path missing = this.temp.resolve("missing");
		assertThatExceptionOfType(DevelopmentCertificateException.class)
			.isThrownBy(() -> export(missing.resolve("dev.pfx"), DevelopmentCertificateExport.Format.PFX, "p"))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(ExportMessages.exportDirectoryMissing(missing.toString())));
		assertThat(missing).doesNotExist();
	}

	@Test
	void keyFileReplacesTheCertificateExtension() {
		assertThat(DevelopmentCertificateExport.keyPath(Path.of("/a/b.c/cert.pem")))
			.isEqualTo(Path.of("/a/b.c/cert.key"));
		assertThat(DevelopmentCertificateExport.keyPath(Path.of("/a/cert"))).isEqualTo(Path.of("/a/cert.key"));
		assertThat(DevelopmentCertificateExport.keyPath(Path.of("/a/my.cert.crt")))
			.isEqualTo(Path.of("/a/my.cert.key"));
	}

	@Test
	void formatNamesIgnoreCase() {
		assertThat(DevelopmentCertificateExport.Format.parse("Pem")).contains(DevelopmentCertificateExport.Format.PEM);
		assertThat(DevelopmentCertificateExport.Format.parse("pfx")).contains(DevelopmentCertificateExport.Format.PFX);
		assertThat(DevelopmentCertificateExport.Format.parse("der")).isEmpty();
	}

	private List<Path> export(Path path, DevelopmentCertificateExport.Format format, String password) {
		return DevelopmentCertificateExport.export(generated.certificate(), generated.privateKey(), path, format,
				password.toCharArray());
	}

	private static void assertCertificateMatchesKey(Path certificate, Path key, String passin) {
		ExternalTools.Result fromCertificate = ExternalTools.run("openssl", "x509", "-in", certificate.toString(),
				"-noout", "-pubkey");
		ExternalTools.Result fromKey = ExternalTools.run("openssl", "pkey", "-in", key.toString(), "-passin", passin,
				"-pubout");
		assertThat(fromCertificate.exitCode()).as(fromCertificate.output()).isZero();
		assertThat(fromKey.exitCode()).as(fromKey.output()).isZero();
		assertThat(fromKey.output()).contains("BEGIN PUBLIC KEY").isEqualTo(fromCertificate.output());
	}

	private static void assertMode(Path file, String mode) throws Exception {
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(mode);
		}
	}

}
