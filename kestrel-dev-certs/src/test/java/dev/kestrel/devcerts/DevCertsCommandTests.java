package dev.kestrel.devcerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.devcerts.export.DevelopmentCertificateExport;
import dev.kestrel.devcerts.export.ExportMessages;
import dev.kestrel.devcerts.trust.DevelopmentCertificateTrust;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.GeneratedCertificate;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.StoredCertificate;
import dev.kestrel.testing.RequiresTools;

import static org.assertj.core.api.Assertions.assertThat;

class DevCertsCommandTests {

	@TempDir
	Path temp;

	private Path home;

	private Path stores;

	private Path trustFolder;

	private Path nssDatabase;

	private final Map<String, String> environment = new HashMap<>();

	private ByteArrayOutputStream out;

	private ByteArrayOutputStream err;

	@BeforeEach
	void prepare() throws IOException {
		this.home = Files.createDirectories(this.temp.resolve("home"));
		this.stores = this.temp.resolve("stores");
		this.trustFolder = this.temp.resolve("trust");
		this.environment.put("PATH", System.getenv("PATH"));
		this.environment.put(CertificateStore.CURRENT_USER_VARIABLE, this.stores.toString());
		this.environment.put(DevelopmentCertificateTrust.CERTIFICATE_DIRECTORY_VARIABLE, this.trustFolder.toString());
		this.environment.put(DevelopmentCertificateTrust.SSL_CERT_DIR_VARIABLE, this.trustFolder.toString());
		this.environment.put(DevelopmentCertificateTrust.NSS_DATABASES_VARIABLE, "");
	}

	@Test
	@RequiresTools({ "openssl", "certutil" })
	void createCheckExportTrustCleanEndToEnd() throws Exception {
		this.nssDatabase = Files.createDirectories(this.temp.resolve("nssdb"));
		assertThat(exec("certutil", "-N", "--empty-password", "-d", "sql:" + this.nssDatabase).exitCode()).isZero();
		this.environment.put(DevelopmentCertificateTrust.NSS_DATABASES_VARIABLE, this.nssDatabase.toString());

		assertThat(run("https", "--check")).isEqualTo(ExitCodes.NO_VALID_CERTIFICATE);
		assertThat(output()).contains(DevCertsMessages.noValidCertificate());

		assertThat(run("https")).isZero();
		assertThat(output()).contains(DevCertsMessages.generated());
		List<StoredCertificate> stored = CertificateStore.open(this.stores, "My").list();
		assertThat(stored).singleElement().satisfies((certificate) -> {
			assertThat(certificate.hasPrivateKey()).isTrue();
			assertThat(DevelopmentCertificate.isDevelopmentCertificate(certificate.certificate())).isTrue();
			assertThat(certificate.file().getFileName().toString()).isEqualTo(certificate.thumbprint() + ".pfx");
		});
		String thumbprint = stored.get(0).thumbprint();
		assertMode(stored.get(0).file(), "rw-------");

		assertThat(run("https")).isZero();
		assertThat(output()).contains(DevCertsMessages.alreadyPresent());

		assertThat(run("https", "-c")).isZero();
		assertThat(output()).contains("A valid certificate was found: " + thumbprint + " - CN=localhost - Valid from ")
			.contains(DevCertsMessages.checkTrustHint());

		assertThat(run("https", "--check", "--trust")).isEqualTo(ExitCodes.CERTIFICATE_NOT_TRUSTED);
		assertThat(output()).contains("none of them is trusted").contains(thumbprint);

		Path exports = Files.createDirectories(this.temp.resolve("exports"));
		Path pfx = exports.resolve("dev.pfx");
		assertThat(run("https", "-ep", pfx.toString(), "-p", "pfx-secret")).isZero();
		assertMode(pfx, "rw-------");
		ExecResult pkcs12 = exec("openssl", "pkcs12", "-in", pfx.toString(), "-passin", "pass:pfx-secret", "-nodes");
		assertThat(pkcs12.exitCode()).as(pkcs12.output()).isZero();
		assertThat(pkcs12.output()).contains("BEGIN PRIVATE KEY", "BEGIN CERTIFICATE");
		assertThat(exec("openssl", "pkcs12", "-in", pfx.toString(), "-passin", "pass:nope", "-nodes").exitCode())
			.isNotZero();

		Path pem = exports.resolve("dev.pem");
		assertThat(run("https", "--export-path", pem.toString(), "--format", "Pem", "--password", "pem-secret"))
			.isZero();
		Path key = exports.resolve("dev.key");
		assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
		assertMode(key, "rw-------");
		ExecResult fingerprint = exec("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha1");
		assertThat(fingerprint.output().trim())
			.isEqualToIgnoringCase("SHA1 Fingerprint=" + thumbprint.replaceAll("(..)(?!$)", "$1:"));
		ExecResult decrypted = exec("openssl", "pkey", "-in", key.toString(), "-passin", "pass:pem-secret", "-pubout");
		assertThat(decrypted.exitCode()).as(decrypted.output()).isZero();
		assertThat(decrypted.output())
			.isEqualTo(exec("openssl", "x509", "-in", pem.toString(), "-noout", "-pubkey").output());
		assertThat(exec("openssl", "pkey", "-in", key.toString(), "-passin", "pass:wrong", "-noout").exitCode())
			.isNotZero();

		Path plain = exports.resolve("plain.crt");
		assertThat(run("https", "-ep", plain.toString(), "--format", "pem", "-np")).isZero();
		assertThat(Files.readString(exports.resolve("plain.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(exec("openssl", "pkey", "-in", exports.resolve("plain.key").toString(), "-noout").exitCode())
			.isZero();

		assertThat(run("https", "--trust")).isZero();
		assertThat(output()).contains(DevCertsMessages.existingTrusted());
		assertThat(errors()).contains(DevCertsMessages.trustRequested());
		String nickname = "aspnetcore-localhost-" + thumbprint;
		assertThat(this.trustFolder.resolve(nickname + ".pem")).exists();
		assertThat(exec("certutil", "-L", "-d", "sql:" + this.nssDatabase).output()).contains(nickname);

		assertThat(run("https", "--check", "--trust")).isZero();
		assertThat(output()).contains("A trusted certificate was found: " + thumbprint);

		assertThat(run("https", "--clean")).isZero();
		assertThat(output()).contains(DevCertsMessages.cleaned());
		assertThat(CertificateStore.open(this.stores, "My").list()).isEmpty();
		assertThat(CertificateStore.open(this.stores, "Root").list()).isEmpty();
		try (var files = Files.list(this.trustFolder)) {
			assertThat(files).isEmpty();
		}
		assertThat(exec("certutil", "-L", "-d", "sql:" + this.nssDatabase).output()).doesNotContain(nickname);

		assertThat(run("https", "--check")).isEqualTo(ExitCodes.NO_VALID_CERTIFICATE);
		assertThat(this.home.resolve(".dotnet")).doesNotExist();
		assertThat(this.home.resolve(".aspnet")).doesNotExist();
	}

	@Test
	@RequiresTools("openssl")
	void trustWithoutSslCertDirIsReportedAsPartialWithExitCodeFour() {
		this.environment.remove(DevelopmentCertificateTrust.SSL_CERT_DIR_VARIABLE);
		assertThat(run("https", "--trust")).isEqualTo(ExitCodes.ERROR_TRUSTING);
		assertThat(errors()).contains(DevCertsMessages.trustPartiallyFailed());
		assertThat(run("https", "--check", "--trust")).isEqualTo(ExitCodes.CERTIFICATE_NOT_TRUSTED);
	}

	@Test
	void exportToAMissingDirectoryFailsWithKestrelsMessage() {
		Path missing = this.temp.resolve("missing");
		assertThat(run("https", "-ep", missing.resolve("dev.pfx").toString(), "-p", "x"))
			.isEqualTo(ExitCodes.ERROR_EXPORTING);
		assertThat(errors()).contains(ExportMessages.exportDirectoryMissing(missing.toString()).description())
			.contains(DevCertsMessages.errorExporting());
		assertThat(missing).doesNotExist();
	}

	@Test
	void unknownFormatGivesExitCodeTen() {
		assertThat(run("https", "-ep", this.temp.resolve("x.der").toString(), "--format", "Der"))
			.isEqualTo(ExitCodes.INVALID_KEY_EXPORT_FORMAT);
		assertThat(errors()).contains(DevCertsMessages.unknownKeyFormat("Der"));
	}

	@Test
	void incompatibleFlagsAreACriticalErrorWithTheSampleUsages() {
		List<String[]> invalid = List.of(new String[] { "https", "--clean", "-ep", "x.pfx" },
				new String[] { "https", "--clean", "-t" }, new String[] { "https", "--clean", "-p", "x" },
				new String[] { "https", "--check", "-p", "x" }, new String[] { "https", "--check", "--format", "Pem" },
				new String[] { "https", "-np" }, new String[] { "https", "-np", "--format", "Pfx" },
				new String[] { "https", "-p", "x", "-np", "--format", "Pem" },
				new String[] { "https", "-i", "x.pfx", "-p", "x" });
		for (String[] arguments : invalid) {
			assertThat(run(arguments)).as(String.join(" ", arguments)).isEqualTo(ExitCodes.CRITICAL_ERROR);
			assertThat(errors()).contains(DevCertsMessages.invalidUsage());
		}
		assertThat(this.stores).doesNotExist();
	}

	@Test
	void unknownArgumentsAndMissingValuesAreCriticalErrors() {
		assertThat(run("http")).isEqualTo(ExitCodes.CRITICAL_ERROR);
		assertThat(errors()).contains(DevCertsMessages.unrecognizedArgument("http"));
		assertThat(run("https", "--bogus")).isEqualTo(ExitCodes.CRITICAL_ERROR);
		assertThat(errors()).contains(DevCertsMessages.unrecognizedArgument("--bogus"));
		assertThat(run("https", "-ep")).isEqualTo(ExitCodes.CRITICAL_ERROR);
		assertThat(errors()).contains(DevCertsMessages.missingValue("-ep"));
		assertThat(run("https", "--trust=yes")).isEqualTo(ExitCodes.CRITICAL_ERROR);
	}

	@Test
	void helpIsShownForNoCommandAndForHelpOptions() {
		for (String[] arguments : List.of(new String[0], new String[] { "--help" }, new String[] { "https", "-h" })) {
			assertThat(run(arguments)).isZero();
			assertThat(output()).contains(DevCertsMessages.help());
		}
	}

	@Test
	void quietHidesResultsAndVerboseShowsTheExportPath() throws Exception {
		assertThat(run("https", "-q")).isZero();
		assertThat(output()).isEmpty();
		Path exports = Files.createDirectories(this.temp.resolve("exports"));
		assertThat(run("https", "-v", "--export-path=" + exports.resolve("cert.pfx"))).isZero();
		assertThat(output()).contains(DevCertsMessages.alreadyPresent(),
				DevCertsMessages.exported(exports.resolve("cert.pfx").toString()));
		// Without -p the PFX export holds the certificate only, as with dotnet dev-certs.
		assertThat(Files.readAllBytes(exports.resolve("cert.pfx")))
			.isEqualTo(CertificateStore.open(this.stores, "My").list().get(0).certificate().getEncoded());
	}

	@Test
	void importReplacesTheCertificatesAfterClean() throws Exception {
		GeneratedCertificate generated = DevelopmentCertificate.generate(Clock.systemUTC());
		Path pfx = this.temp.resolve("import.pfx");
		DevelopmentCertificateExport.export(generated.certificate(), generated.privateKey(), pfx,
				DevelopmentCertificateExport.Format.PFX, "import-secret".toCharArray());
		assertThat(run("https")).isZero();
		assertThat(run("https", "--clean", "--import", pfx.toString(), "-p", "import-secret")).isZero();
		assertThat(output()).contains(DevCertsMessages.cleaned(), DevCertsMessages.imported());
		assertThat(CertificateStore.open(this.stores, "My").list()).singleElement()
			.satisfies((stored) -> assertThat(stored.certificate()).isEqualTo(generated.certificate()));
		assertThat(run("https", "--clean", "--import", this.temp.resolve("none.pfx").toString(), "-p", "x"))
			.isEqualTo(ExitCodes.MISSING_CERTIFICATE_FILE);
		assertThat(run("https", "--clean", "--import", pfx.toString(), "-p", "wrong"))
			.isEqualTo(ExitCodes.FAILED_TO_LOAD_CERTIFICATE);
		assertThat(errors()).contains(DevCertsMessages.importInvalid(pfx.toString())).doesNotContain("wrong");
	}

	@Test
	void mainExitsWithTheCommandsExitCode() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				DevCertsMain.class.getName(), "https", "--check"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		builder.environment().put("HOME", this.home.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isEqualTo(ExitCodes.NO_VALID_CERTIFICATE);
		assertThat(output).contains(DevCertsMessages.noValidCertificate());
		command.set(command.size() - 1, "--clean=now");
		Process invalid = new ProcessBuilder(command).redirectErrorStream(true).start();
		invalid.getInputStream().readAllBytes();
		assertThat(invalid.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(invalid.exitValue()).isEqualTo(255);
	}

	private int run(String... arguments) {
		this.out = new ByteArrayOutputStream();
		this.err = new ByteArrayOutputStream();
		return new DevCertsCommand(this.environment, this.home, Clock.systemUTC(),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.run(arguments);
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private static void assertMode(Path file, String mode) throws IOException {
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(mode);
		}
	}

	private static ExecResult exec(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new ExecResult(process.exitValue(), output);
	}

	private record ExecResult(int exitCode, String output) {

	}

}
