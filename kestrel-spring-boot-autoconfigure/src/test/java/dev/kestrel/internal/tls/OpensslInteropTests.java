package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.testing.RequiresTools;

import static dev.kestrel.internal.tls.TlsAssertions.PASSWORD;
import static dev.kestrel.internal.tls.TlsAssertions.assertFailure;
import static dev.kestrel.internal.tls.TlsAssertions.assertKeyBelongsTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by the {@code openssl} CLI, as users produce them, load like the files of
 * the test fixture.
 */
@RequiresTools("openssl")
class OpensslInteropTests {

	@TempDir
	static Path directory;

	private static CertificateFileLoader loader;

	@BeforeAll
	static void writeFilesWithOpenssl() throws Exception {
		loader = new CertificateFileLoader(directory);
		String pass = "pass:" + PASSWORD;
		openssl("req", "-x509", "-newkey", "rsa:2048", "-noenc", "-keyout", "rsa.key", "-out", "rsa.crt", "-days", "2",
				"-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost");
		openssl("pkcs8", "-topk8", "-in", "rsa.key", "-passout", pass, "-out", "rsa.aes.key");
		openssl("pkcs8", "-topk8", "-in", "rsa.key", "-scrypt", "-passout", pass, "-out", "rsa.scrypt.key");
		openssl("pkcs8", "-topk8", "-in", "rsa.key", "-v2", "des3", "-passout", pass, "-out", "rsa.des3.key");
		openssl("pkcs8", "-topk8", "-in", "rsa.key", "-v1", "PBE-SHA1-3DES", "-passout", pass, "-out", "rsa.pbe.key");
		openssl("pkey", "-in", "rsa.key", "-traditional", "-out", "rsa.pkcs1.key");
		openssl("rsa", "-in", "rsa.key", "-traditional", "-aes128", "-passout", pass, "-out", "rsa.legacy-aes.key");
		openssl("rsa", "-in", "rsa.key", "-traditional", "-des3", "-passout", pass, "-out", "rsa.legacy-des3.key");
		openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key");
		openssl("req", "-x509", "-key", "ec.key", "-out", "ec.crt", "-days", "2", "-subj", "/CN=ec.localhost",
				"-addext", "subjectAltName=DNS:ec.localhost");
		openssl("ec", "-in", "ec.key", "-aes256", "-passout", pass, "-out", "ec.legacy-aes.key");
		openssl("genpkey", "-algorithm", "ed25519", "-out", "ed.key");
		openssl("req", "-x509", "-key", "ed.key", "-out", "ed.crt", "-days", "2", "-subj", "/CN=ed.localhost");
		openssl("pkcs12", "-export", "-in", "rsa.crt", "-inkey", "rsa.key", "-passout", pass, "-out", "rsa.pfx");
		openssl("pkcs12", "-export", "-in", "rsa.crt", "-inkey", "rsa.key", "-passout", "pass:", "-out",
				"rsa.nopass.pfx");
		openssl("pkcs12", "-export", "-in", "ec.crt", "-inkey", "ec.key", "-keypbe", "PBE-SHA1-3DES", "-certpbe",
				"PBE-SHA1-3DES", "-macalg", "sha1", "-passout", pass, "-out", "ec.3des.pfx");
		openssl("req", "-x509", "-newkey", "rsa:2048", "-noenc", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
				"-subj", "/CN=Interop CA");
		openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc", "-keyout", "leaf.key",
				"-out", "leaf.csr", "-subj", "/CN=leaf.localhost");
		openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-out", "leaf.only.crt",
				"-days", "2");
		Files.writeString(directory.resolve("leaf.crt"),
				Files.readString(directory.resolve("leaf.only.crt")) + Files.readString(directory.resolve("ca.crt")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "rsa.key", "rsa.aes.key", "rsa.scrypt.key", "rsa.des3.key", "rsa.pbe.key", "rsa.pkcs1.key",
			"rsa.legacy-aes.key", "rsa.legacy-des3.key" })
	void rsaKeysWrittenByOpensslLoad(String keyFile) throws Exception {
		ServerCertificate loaded = loader.load("rsa.crt", keyFile, PASSWORD);
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ec.key", "ec.legacy-aes.key" })
	void ecKeysWrittenByOpensslLoad(String keyFile) throws Exception {
		ServerCertificate loaded = loader.load("ec.crt", keyFile, PASSWORD);
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void ed25519KeyWrittenByOpensslLoads() throws Exception {
		ServerCertificate loaded = loader.load("ed.crt", "ed.key", null);
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@ParameterizedTest
	@ValueSource(strings = { "rsa.pfx", "ec.3des.pfx" })
	void pkcs12FilesWrittenByOpensslLoad(String file) throws Exception {
		ServerCertificate loaded = loader.load(file, null, PASSWORD);
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void pkcs12WithEmptyPasswordWrittenByOpensslLoadsWithoutPassword() throws Exception {
		ServerCertificate loaded = loader.load("rsa.nopass.pfx", null, null);
		assertKeyBelongsTo(loaded.certificate(), loaded.privateKey());
	}

	@Test
	void wrongPasswordForAnOpensslPkcs12FileIsReported() {
		Path file = directory.resolve("rsa.pfx");
		assertFailure(() -> loader.load("rsa.pfx", null, "wrong"),
				CertificateMessages.incorrectCertificatePassword(file.toString()), null, null);
	}

	@Test
	void chainFileWrittenWithOpensslGivesTheIntermediate() throws Exception {
		ServerCertificate loaded = loader.load("leaf.crt", "leaf.key", null);
		assertThat(loaded.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=leaf.localhost");
		assertThat(loaded.intermediates()).singleElement()
			.satisfies((ca) -> assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Interop CA"));
	}

	private static void openssl(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add("openssl");
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile(directory, "openssl", ".log");
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
		assertThat(process.exitValue()).as(() -> String.join(" ", command) + ": " + read(log)).isZero();
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
