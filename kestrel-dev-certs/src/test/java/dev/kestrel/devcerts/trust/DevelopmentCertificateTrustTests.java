package dev.kestrel.devcerts.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.devcerts.ExternalTools;
import dev.kestrel.devcerts.export.DevelopmentCertificateExport;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.GeneratedCertificate;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.Thumbprints;
import dev.kestrel.testing.RequiresTools;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentCertificateTrustTests {

	private static GeneratedCertificate generated;

	@TempDir
	Path temp;

	private Path home;

	private Path trustFolder;

	private final RecordingReporter reporter = new RecordingReporter();

	@BeforeAll
	static void generate() {
		generated = DevelopmentCertificate.generate(Clock.systemUTC());
	}

	@BeforeEach
	void prepare() throws Exception {
		this.home = Files.createDirectories(this.temp.resolve("home"));
		this.trustFolder = this.home.resolve(".aspnet/dev-certs/trust");
	}

	@Test
	@RequiresTools("openssl")
	void trustWritesTheRootStoreEntryThePemAndTheOpenSslHashLink() throws Exception {
		DevelopmentCertificateTrust trust = trust(List.of(), environment(this.trustFolder.toString()));
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.FULL);
		assertThat(trust.rootStore().list()).singleElement().satisfies((stored) -> {
			assertThat(stored.certificate()).isEqualTo(generated.certificate());
			assertThat(stored.hasPrivateKey()).isFalse();
		});
		Path pem = this.trustFolder.resolve("aspnetcore-localhost-" + Thumbprints.of(generated.certificate()) + ".pem");
		assertThat(Files.readString(pem)).isEqualTo(DevelopmentCertificateExport.pem(generated.certificate()))
			.doesNotContain("PRIVATE KEY");
		String hash = ExternalTools.run("openssl", "x509", "-hash", "-noout", "-in", pem.toString()).output().trim();
		Path link = this.trustFolder.resolve(hash + ".0");
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readSymbolicLink(link)).isEqualTo(pem.getFileName());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.home.resolve(".aspnet"))))
			.isEqualTo("rwx------");
		assertThat(this.reporter.output).contains(
				TrustMessages.trustAddedToRootStore("$HOME/.dotnet/corefx/cryptography/x509stores/root"),
				TrustMessages.trustExportedPem("$HOME/.aspnet/dev-certs/trust/" + pem.getFileName()),
				TrustMessages.trustOpenSslLinked("$HOME/.aspnet/dev-certs/trust/" + link.getFileName(),
						"$HOME/.aspnet/dev-certs/trust/" + pem.getFileName()));
		assertThat(this.reporter.warnings).isEmpty();
		// OpenSSL itself now trusts the certificate through the hashed folder.
		ExternalTools.Result verify = ExternalTools.run("openssl", "verify", "-CApath", this.trustFolder.toString(),
				"-purpose", "sslserver", "-verify_hostname", "localhost", pem.toString());
		assertThat(verify.exitCode()).as(verify.output()).isZero();
		assertThat(trust.trustLevel(generated.certificate())).isEqualTo(TrustLevel.FULL);
	}

	@Test
	@RequiresTools("openssl")
	void trustWithoutSslCertDirIsPartialAndSaysHowToSetIt() {
		DevelopmentCertificateTrust trust = trust(List.of(), environment(null));
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.PARTIAL);
		assertThat(this.reporter.warnings).hasSize(2);
		assertThat(this.reporter.warnings.get(0)).startsWith(
				TrustMessages.trustSuggestSettingSslCertDir("$HOME/.aspnet/dev-certs/trust", "\0", "SSL_CERT_DIR")
					.split("\0")[0]);
		assertThat(this.reporter.warnings.get(1)).isEqualTo(TrustMessages.trustPartial());
		assertThat(trust.trustLevel(generated.certificate())).isEqualTo(TrustLevel.PARTIAL);
	}

	@Test
	@RequiresTools("openssl")
	void trustWithSslCertDirListingAnotherFolderAdvisesAppending() {
		DevelopmentCertificateTrust trust = trust(List.of(), environment("/etc/ssl/certs"));
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.PARTIAL);
		assertThat(this.reporter.warnings)
			.contains(TrustMessages.trustSuggestAppendingSslCertDir("$HOME/.aspnet/dev-certs/trust", "SSL_CERT_DIR"));
	}

	@Test
	void withoutOpenSslTheHashLinkIsSkippedWithANote() throws Exception {
		Map<String, String> environment = new HashMap<>();
		environment.put("PATH", Files.createDirectories(this.temp.resolve("empty-bin")).toString());
		DevelopmentCertificateTrust trust = trust(List.of(), environment);
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.PARTIAL);
		assertThat(this.reporter.warnings).containsExactly(TrustMessages.trustOpenSslMissing(),
				TrustMessages.trustPartial());
		try (var files = Files.list(this.trustFolder)) {
			assertThat(files).singleElement()
				.satisfies((file) -> assertThat(file.getFileName().toString()).startsWith("aspnetcore-localhost-"));
		}
		assertThat(trust.rootStore().contains(generated.certificate())).isTrue();
	}

	@Test
	@RequiresTools({ "certutil", "openssl" })
	void trustIntoATemporaryNssDatabaseIsListedByCertutilAndRemovedByUntrust() throws Exception {
		Path database = createNssDatabase(this.temp.resolve("nssdb"));
		Map<String, String> environment = environment(this.trustFolder.toString());
		environment.put(DevelopmentCertificateTrust.NSS_DATABASES_VARIABLE, database.toString());
		DevelopmentCertificateTrust trust = DevelopmentCertificateTrust.forCurrentUser(environment, this.home,
				this.reporter);
		assertThat(trust.nssDatabases()).containsExactly(new NssDatabase(database, false));
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.FULL);
		String nickname = DevelopmentCertificateTrust.nickname(generated.certificate());
		ExternalTools.Result listed = ExternalTools.run("certutil", "-L", "-d", "sql:" + database);
		assertThat(listed.output()).containsPattern(nickname + "\\s+P,,");
		ExternalTools.Result valid = ExternalTools.run("certutil", "-V", "-u", "V", "-d", "sql:" + database, "-n",
				nickname);
		assertThat(valid.exitCode()).as(valid.output()).isZero();
		assertThat(this.reporter.output).contains(TrustMessages.trustNssAdded(database.toString(), "Chromium"));
		assertThat(trust.trustLevel(generated.certificate())).isEqualTo(TrustLevel.FULL);
		assertThat(trust.untrust(generated.certificate())).isTrue();
		assertThat(ExternalTools.run("certutil", "-L", "-d", "sql:" + database).output()).doesNotContain(nickname);
		assertThat(trust.rootStore().list()).isEmpty();
		try (var files = Files.list(this.trustFolder)) {
			assertThat(files).isEmpty();
		}
		assertThat(trust.trustLevel(generated.certificate())).isEqualTo(TrustLevel.NONE);
	}

	@Test
	@RequiresTools("certutil")
	void firefoxProfilesTrustTheCertificateAsACertificateAuthority() throws Exception {
		Path profile = createNssDatabase(this.home.resolve(".mozilla/firefox/abcd1234.default-release"));
		List<NssDatabase> databases = DevelopmentCertificateTrust.nssDatabases(Map.of(), this.home, this.reporter);
		assertThat(databases).containsExactly(new NssDatabase(profile, true));
		DevelopmentCertificateTrust trust = trust(databases, environment(this.trustFolder.toString()));
		trust.trust(generated.certificate());
		ExternalTools.Result listed = ExternalTools.run("certutil", "-L", "-d", "sql:" + profile);
		assertThat(listed.output())
			.containsPattern(DevelopmentCertificateTrust.nickname(generated.certificate()) + "\\s+C,,");
	}

	@Test
	@RequiresTools({ "certutil", "openssl" })
	void trustCreatesChromiumsNssDatabaseWhenABrowserIsInstalledAndNoneExistsYet() throws Exception {
		Path bin = Files.createDirectories(this.temp.resolve("bin"));
		Path browser = Files.writeString(bin.resolve("chromium"), "#!/bin/sh\nexit 0\n");
		browser.toFile().setExecutable(true);
		Map<String, String> environment = environment(this.trustFolder.toString());
		environment.put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
		DevelopmentCertificateTrust trust = trust(List.of(), environment);
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.FULL);
		Path database = this.home.resolve(".pki/nssdb");
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(database)))
			.isEqualTo("rwx------");
		assertThat(this.reporter.output).contains(TrustMessages.nssDatabaseCreated("$HOME/.pki/nssdb", "chromium"));
		String nickname = DevelopmentCertificateTrust.nickname(generated.certificate());
		ExternalTools.Result valid = ExternalTools.run("certutil", "-V", "-u", "V", "-d", "sql:" + database, "-n",
				nickname);
		assertThat(valid.exitCode()).as(valid.output()).isZero();
	}

	@Test
	@RequiresTools({ "certutil", "openssl" })
	void withoutABrowserNoNssDatabaseIsCreated() throws Exception {
		Path bin = Files.createDirectories(this.temp.resolve("bin"));
		for (String tool : List.of("certutil", "openssl")) {
			Files.createSymbolicLink(bin.resolve(tool),
					Path.of(ExternalTools.run("sh", "-c", "command -v " + tool).output().trim()));
		}
		Map<String, String> environment = environment(this.trustFolder.toString());
		environment.put("PATH", bin.toString());
		trust(List.of(), environment).trust(generated.certificate());
		assertThat(this.home.resolve(".pki/nssdb")).doesNotExist();
	}

	@Test
	void missingCertutilLeavesBrowsersUntrustedWithANote() throws Exception {
		Path database = Files.createDirectories(this.temp.resolve("nssdb"));
		Map<String, String> environment = new HashMap<>();
		environment.put("PATH", Files.createDirectories(this.temp.resolve("empty-bin")).toString());
		DevelopmentCertificateTrust trust = trust(List.of(NssDatabase.of(database)), environment);
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.PARTIAL);
		assertThat(this.reporter.warnings).contains(TrustMessages.trustCertUtilMissing(database.toString()));
	}

	@Test
	void aDifferentFileUnderTheSameNameIsNotOverwritten() throws Exception {
		Path pem = Files.createDirectories(this.trustFolder)
			.resolve(DevelopmentCertificateTrust.nickname(generated.certificate()) + ".pem");
		Files.writeString(pem, "someone else's file");
		DevelopmentCertificateTrust trust = trust(List.of(), environment(this.trustFolder.toString()));
		assertThat(trust.trust(generated.certificate())).isEqualTo(TrustLevel.NONE);
		assertThat(Files.readString(pem)).isEqualTo("someone else's file");
		assertThat(this.reporter.warnings)
			.contains(TrustMessages.trustExistingFileDiffers("$HOME/.aspnet/dev-certs/trust/" + pem.getFileName()));
	}

	@Test
	void untrustedCertificateHasNoTrust() {
		DevelopmentCertificateTrust trust = trust(List.of(), environment(this.trustFolder.toString()));
		assertThat(trust.trustLevel(generated.certificate())).isEqualTo(TrustLevel.NONE);
		assertThat(this.reporter.verbose).contains(
				TrustMessages.notTrustedByDotnet("$HOME/.dotnet/corefx/cryptography/x509stores/root"),
				TrustMessages.notTrustedByOpenSsl("SSL_CERT_DIR"));
	}

	@Test
	void nssDatabaseListComesFromTheVariableSplitOnSemicolonsAndColons() throws Exception {
		Path first = Files.createDirectories(this.temp.resolve("first"));
		Path second = Files.createDirectories(this.temp.resolve("second"));
		Path missing = this.temp.resolve("missing");
		List<NssDatabase> databases = DevelopmentCertificateTrust.nssDatabases(
				Map.of(DevelopmentCertificateTrust.NSS_DATABASES_VARIABLE, first + ";" + missing + ":" + second),
				this.home, this.reporter);
		assertThat(databases).containsExactly(NssDatabase.of(first), NssDatabase.of(second));
		assertThat(this.reporter.warnings)
			.containsExactly(TrustMessages.nssDatabaseMissing(missing.toString(), "DOTNET_DEV_CERTS_NSSDB_PATHS"));
		assertThat(DevelopmentCertificateTrust
			.nssDatabases(Map.of(DevelopmentCertificateTrust.NSS_DATABASES_VARIABLE, ""), this.home, this.reporter))
			.isEmpty();
	}

	@Test
	void defaultNssDatabasesAreThoseOfChromiumAndFirefoxThatExist() throws Exception {
		assertThat(DevelopmentCertificateTrust.nssDatabases(Map.of(), this.home, this.reporter)).isEmpty();
		Path chromium = Files.createDirectories(this.home.resolve(".pki/nssdb"));
		Path firefox = Files.createDirectories(this.home.resolve(".mozilla/firefox/x1.default"));
		Files.createDirectories(this.home.resolve(".mozilla/firefox/Crash Reports"));
		assertThat(DevelopmentCertificateTrust.nssDatabases(Map.of(), this.home, this.reporter))
			.containsExactly(new NssDatabase(chromium, false), new NssDatabase(firefox, true));
	}

	@Test
	void certificateFolderIsTheVariableOrTheAspNetFolder() {
		assertThat(DevelopmentCertificateTrust.certificateDirectory(Map.of(), this.home))
			.isEqualTo(this.home.resolve(".aspnet/dev-certs/trust"));
		assertThat(DevelopmentCertificateTrust.certificateDirectory(
				Map.of(DevelopmentCertificateTrust.CERTIFICATE_DIRECTORY_VARIABLE, this.temp.resolve("x").toString()),
				this.home))
			.isEqualTo(this.temp.resolve("x"));
	}

	private DevelopmentCertificateTrust trust(List<NssDatabase> databases, Map<String, String> environment) {
		CertificateStore root = CertificateStore.open(CertificateStore.currentUserRoot(Map.of(), this.home),
				CertificateStore.ROOT, this.reporter::warn);
		return new DevelopmentCertificateTrust(root, this.trustFolder, databases, environment, this.home,
				this.reporter);
	}

	private static Map<String, String> environment(String sslCertDir) {
		Map<String, String> environment = new HashMap<>();
		environment.put("PATH", System.getenv("PATH"));
		if (sslCertDir != null) {
			environment.put(DevelopmentCertificateTrust.SSL_CERT_DIR_VARIABLE, sslCertDir);
		}
		return environment;
	}

	static Path createNssDatabase(Path folder) throws Exception {
		Files.createDirectories(folder);
		ExternalTools.Result created = ExternalTools.run("certutil", "-N", "--empty-password", "-d", "sql:" + folder);
		assertThat(created.exitCode()).as(created.output()).isZero();
		return folder;
	}

}
