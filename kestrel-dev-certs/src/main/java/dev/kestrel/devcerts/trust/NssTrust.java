package dev.kestrel.devcerts.trust;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Trust for browsers: the certificate added with {@code certutil -A} to the NSS databases
 * of Chromium ({@code ~/.pki/nssdb}, snap Chromium) and Firefox profiles, or to those
 * listed in {@value DevelopmentCertificateTrust#NSS_DATABASES_VARIABLE}. A missing
 * {@code certutil} command leaves the browsers untrusted with a warning.
 */
final class NssTrust implements TrustTarget {

	private static final String CERTUTIL = "certutil";

	private final List<NssDatabase> databases;

	private final Function<X509Certificate, Path> certificateFiles;

	private final ExternalCommands commands;

	private final HomePaths paths;

	private final DevCertReporter reporter;

	/**
	 * Chromium's database, created when none exists and a browser is installed;
	 * {@code null} when the databases were listed explicitly.
	 */
	private final Path chromiumDatabase;

	/** Browsers whose presence makes the tool create Chromium's NSS database. */
	static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable", "microsoft-edge", "firefox", "firefox-esr");

	/**
	 * Creates the target.
	 * @param databases the databases to update
	 * @param certificateFiles where the PEM file of a certificate is once the OpenSSL
	 * target wrote it; {@code certutil} imports it from there
	 * @param commands finds and runs {@code certutil}
	 * @param paths shows paths in messages
	 * @param reporter receives what is done
	 */
	NssTrust(List<NssDatabase> databases, Function<X509Certificate, Path> certificateFiles, ExternalCommands commands,
			HomePaths paths, DevCertReporter reporter, Path chromiumDatabase) {
		this.databases = new ArrayList<>(databases);
		this.chromiumDatabase = chromiumDatabase;
		this.certificateFiles = certificateFiles;
		this.commands = commands;
		this.paths = paths;
		this.reporter = reporter;
	}

	/**
	 * Returns the NSS databases of the current user: those listed in
	 * {@value DevelopmentCertificateTrust#NSS_DATABASES_VARIABLE} (missing folders are
	 * reported and skipped), else the existing ones of Chromium ({@code ~/.pki/nssdb},
	 * snap Chromium) and Firefox ({@code ~/.mozilla/firefox/*.default*}, snap Firefox).
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @param reporter receives skipped overrides
	 * @return the databases
	 */
	static List<NssDatabase> findDatabases(Map<String, String> environment, Path home, DevCertReporter reporter) {
		List<NssDatabase> databases = new ArrayList<>();
		String override = environment.get(DevelopmentCertificateTrust.NSS_DATABASES_VARIABLE);
		if (override != null) {
			for (String entry : override.split("[;" + Pattern.quote(File.pathSeparator) + "]")) {
				if (entry.isBlank()) {
					continue;
				}
				Path path = Path.of(entry.trim()).toAbsolutePath().normalize();
				if (Files.isDirectory(path)) {
					databases.add(NssDatabase.of(path));
				}
				else {
					reporter.warn(TrustMessages.nssDatabaseMissing(path.toString(),
							DevelopmentCertificateTrust.NSS_DATABASES_VARIABLE));
				}
			}
			return databases;
		}
		addIfDirectory(databases, home.resolve(".pki").resolve("nssdb"), false);
		addIfDirectory(databases, home.resolve("snap/chromium/current/.pki/nssdb"), false);
		addFirefoxProfiles(databases, home.resolve(".mozilla").resolve("firefox"));
		addFirefoxProfiles(databases, home.resolve("snap/firefox/common/.mozilla/firefox"));
		return databases;
	}

	List<NssDatabase> databases() {
		return this.databases;
	}

	@Override
	public Outcome trust(X509Certificate certificate) {
		if (this.databases.isEmpty()) {
			createChromiumDatabase();
		}
		if (this.databases.isEmpty()) {
			this.reporter.verbose(TrustMessages.trustNoNssDatabases());
			return Outcome.SKIPPED;
		}
		Optional<Path> certutil = this.commands.find(CERTUTIL);
		if (certutil.isEmpty()) {
			this.reporter.warn(TrustMessages.trustCertUtilMissing(describeDatabases()));
			return Outcome.NOT_TRUSTED;
		}
		Path pem = this.certificateFiles.apply(certificate);
		boolean succeeded = false;
		boolean failed = false;
		for (NssDatabase database : this.databases) {
			if (add(certutil.get(), database, certificate, pem)) {
				succeeded = true;
			}
			else {
				failed = true;
			}
		}
		return Outcome.of(succeeded, failed);
	}

	@Override
	public Outcome check(X509Certificate certificate) {
		if (this.databases.isEmpty()) {
			return Outcome.SKIPPED;
		}
		Optional<Path> certutil = this.commands.find(CERTUTIL);
		if (certutil.isEmpty()) {
			this.reporter.verbose(TrustMessages.trustCertUtilMissing(describeDatabases()));
			return Outcome.NOT_TRUSTED;
		}
		boolean succeeded = false;
		boolean failed = false;
		for (NssDatabase database : this.databases) {
			if (contains(certutil.get(), database, DevelopmentCertificateTrust.nickname(certificate))) {
				succeeded = true;
			}
			else {
				this.reporter
					.verbose(TrustMessages.notTrustedByNss(this.paths.show(database.path()), database.family()));
				failed = true;
			}
		}
		return Outcome.of(succeeded, failed);
	}

	/**
	 * Removes the certificate from every database; a missing {@code certutil} is
	 * reported, not counted as a failure.
	 */
	@Override
	public boolean untrust(X509Certificate certificate) {
		if (this.databases.isEmpty()) {
			return true;
		}
		Optional<Path> certutil = this.commands.find(CERTUTIL);
		boolean complete = true;
		for (NssDatabase database : this.databases) {
			if (certutil.isEmpty()) {
				this.reporter.warn(TrustMessages.untrustCertUtilMissing(this.paths.show(database.path())));
			}
			else if (!remove(certutil.get(), database, DevelopmentCertificateTrust.nickname(certificate))) {
				complete = false;
			}
		}
		return complete;
	}

	private boolean add(Path certutil, NssDatabase database, X509Certificate certificate, Path pem) {
		String nickname = DevelopmentCertificateTrust.nickname(certificate);
		ExternalCommands.Result result = this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname,
				"-A", "-i", pem.toString(), "-t", database.trustFlags());
		if (!result.succeeded()) {
			this.reporter.warn(
					TrustMessages.trustNssFailed(this.paths.show(database.path()), database.family(), result.output()));
			return false;
		}
		if (!contains(certutil, database, nickname)) {
			this.reporter.warn(TrustMessages.trustNssFailed(this.paths.show(database.path()), database.family(),
					"certutil added the certificate, but it is not listed as trusted under " + nickname));
			return false;
		}
		this.reporter.output(TrustMessages.trustNssAdded(this.paths.show(database.path()), database.family()));
		return true;
	}

	private boolean contains(Path certutil, NssDatabase database, String nickname) {
		// -V checks the certificate can verify a server; Firefox's "trusted CA" state has
		// no such check.
		ExternalCommands.Result result = database.firefox()
				? this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname, "-L")
				: this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname, "-V", "-u", "V");
		return result.succeeded();
	}

	private boolean remove(Path certutil, NssDatabase database, String nickname) {
		if (!this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname, "-L").succeeded()) {
			return true;
		}
		ExternalCommands.Result result = this.commands.run(certutil, "-d", "sql:" + database.path(), "-D", "-n",
				nickname);
		if (result.succeeded()) {
			this.reporter.output(TrustMessages.untrustNssRemoved(this.paths.show(database.path())));
			return true;
		}
		this.reporter.warn(TrustMessages.untrustFailed(this.paths.show(database.path()), result.output()));
		return false;
	}

	/**
	 * On a machine where the browser never ran, {@code ~/.pki/nssdb} does not exist yet:
	 * creates it as Chromium would (empty password, folder mode 0700) when a
	 * Chromium-based browser or Firefox is installed and {@code certutil} is available,
	 * so that {@code --trust} before the first browser start is enough. Firefox reads the
	 * shared database only through its policies, so its profiles are not created.
	 */
	private void createChromiumDatabase() {
		if (this.chromiumDatabase == null || Files.exists(this.chromiumDatabase)) {
			return;
		}
		Optional<String> browser = BROWSERS.stream().filter((name) -> this.commands.find(name).isPresent()).findFirst();
		Optional<Path> certutil = this.commands.find(CERTUTIL);
		if (browser.isEmpty() || certutil.isEmpty()) {
			return;
		}
		try {
			Files.createDirectories(this.chromiumDatabase.getParent());
			Files.createDirectory(this.chromiumDatabase,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (IOException | UnsupportedOperationException ex) {
			this.reporter.warn(TrustMessages.nssDatabaseNotCreated(this.paths.show(this.chromiumDatabase),
					String.valueOf(ex.getMessage())));
			return;
		}
		ExternalCommands.Result result = this.commands.run(certutil.get(), "-N", "--empty-password", "-d",
				"sql:" + this.chromiumDatabase);
		if (!result.succeeded()) {
			this.reporter
				.warn(TrustMessages.nssDatabaseNotCreated(this.paths.show(this.chromiumDatabase), result.output()));
			return;
		}
		this.reporter.output(TrustMessages.nssDatabaseCreated(this.paths.show(this.chromiumDatabase), browser.get()));
		this.databases.add(new NssDatabase(this.chromiumDatabase, false));
	}

	private String describeDatabases() {
		return String.join(", ", this.databases.stream().map((database) -> this.paths.show(database.path())).toList());
	}

	private static void addIfDirectory(List<NssDatabase> databases, Path path, boolean firefox) {
		if (Files.isDirectory(path)) {
			databases.add(new NssDatabase(path.toAbsolutePath().normalize(), firefox));
		}
	}

	private static void addFirefoxProfiles(List<NssDatabase> databases, Path firefox) {
		if (!Files.isDirectory(firefox)) {
			return;
		}
		List<Path> profiles = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(firefox, "*.default*")) {
			for (Path entry : entries) {
				if (Files.isDirectory(entry)) {
					profiles.add(entry);
				}
			}
		}
		catch (IOException ex) {
			return;
		}
		profiles.sort(null);
		profiles.forEach((profile) -> addIfDirectory(databases, profile, true));
	}

}
