package dev.kestrel.tls.devcert;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kestrel.diagnostics.KestrelMessages;
import dev.kestrel.tls.store.CertificateStore;
import dev.kestrel.tls.store.CertificateStoreException;
import dev.kestrel.tls.store.Pkcs12Files;
import dev.kestrel.tls.store.SecureFiles;
import dev.kestrel.tls.store.Thumbprints;

import static java.util.Objects.requireNonNull;

/**
 * Trusts a development certificate for the current user on Linux, as ASP.NET Core's {@code UnixCertificateManager}
 * does:
 * <ol>
 * <li>adds it (without its key) to the CurrentUser {@code Root} store, which .NET clients trust;</li>
 * <li>writes its PEM to {@code ~/.aspnet/dev-certs/trust/aspnetcore-localhost-<THUMBPRINT>.pem} (or
 * {@value #CERTIFICATE_DIRECTORY_VARIABLE}) and creates the OpenSSL hash link {@code <hash>.0} with
 * {@code openssl x509 -hash}; OpenSSL clients trust it once the folder is listed in {@code SSL_CERT_DIR}, which this
 * class advises;</li>
 * <li>adds it with {@code certutil -A} to the NSS databases of Chromium ({@code ~/.pki/nssdb}, snap Chromium) and
 * Firefox profiles, or to those listed in {@value #NSS_DATABASES_VARIABLE}.</li>
 * </ol>
 * Missing {@code openssl} or {@code certutil} commands skip their step with a warning and leave the certificate
 * {@link TrustLevel#PARTIAL partially} trusted. Java clients use none of these places.
 */
public final class DevelopmentCertificateTrust {

	/** Environment variable that replaces the OpenSSL certificate folder (as in .NET). */
	public static final String CERTIFICATE_DIRECTORY_VARIABLE = "DOTNET_DEV_CERTS_OPENSSL_CERTIFICATE_DIRECTORY";

	/**
	 * Environment variable that replaces the NSS database list (as in .NET); entries are separated by {@code ;} or
	 * {@code :}; an empty value means no database.
	 */
	public static final String NSS_DATABASES_VARIABLE = "DOTNET_DEV_CERTS_NSSDB_PATHS";

	/** The environment variable OpenSSL reads its certificate folders from. */
	public static final String SSL_CERT_DIR_VARIABLE = "SSL_CERT_DIR";

	private static final String OPENSSL = "openssl";

	private static final String CERTUTIL = "certutil";

	private static final int MAX_HASH_COLLISIONS = 10;

	private static final Pattern HASH_LINK = Pattern.compile("[0-9a-f]+\\.[0-9]+");

	private static final Pattern CERTIFICATE_FILE = Pattern.compile(".*\\.(pem|crt|cer)");

	private static final Pattern TRUSTED_FILE = Pattern.compile("aspnetcore-localhost-([0-9A-F]{40})\\.pem");

	private static final Pattern OPENSSL_DIR = Pattern.compile("OPENSSLDIR:\\s*\"([^\"]+)\"");

	private final CertificateStore rootStore;

	private final Path certificateDirectory;

	private final List<NssDatabase> nssDatabases;

	private final Map<String, String> environment;

	private final Path home;

	private final DevCertReporter reporter;

	private final ExternalCommands commands;

	/**
	 * Creates a trust helper for explicit locations (tests use temporary ones).
	 * @param rootStore the store .NET clients trust (the CurrentUser {@code Root} store)
	 * @param certificateDirectory the folder for the OpenSSL PEM and hash link
	 * @param nssDatabases the NSS databases to update
	 * @param environment the environment: {@code PATH} (to find {@code openssl} and {@code certutil}) and
	 * {@code SSL_CERT_DIR}
	 * @param home the user's home directory (messages show paths below it as {@code $HOME/...})
	 * @param reporter receives what is done
	 */
	public DevelopmentCertificateTrust(CertificateStore rootStore, Path certificateDirectory,
			List<NssDatabase> nssDatabases, Map<String, String> environment, Path home, DevCertReporter reporter) {
		this.rootStore = requireNonNull(rootStore, "rootStore");
		this.certificateDirectory = requireNonNull(certificateDirectory, "certificateDirectory").toAbsolutePath()
			.normalize();
		this.nssDatabases = List.copyOf(requireNonNull(nssDatabases, "nssDatabases"));
		this.environment = Map.copyOf(requireNonNull(environment, "environment"));
		this.home = requireNonNull(home, "home").toAbsolutePath().normalize();
		this.reporter = requireNonNull(reporter, "reporter");
		this.commands = new ExternalCommands(this.environment);
	}

	/**
	 * Creates a trust helper for the current user's locations, honouring {@value #CERTIFICATE_DIRECTORY_VARIABLE},
	 * {@value #NSS_DATABASES_VARIABLE} and the CurrentUser store overrides of {@link CertificateStore}.
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @param reporter receives what is done
	 * @return the trust helper
	 */
	public static DevelopmentCertificateTrust forCurrentUser(Map<String, String> environment, Path home,
			DevCertReporter reporter) {
		requireNonNull(reporter, "reporter");
		CertificateStore root = CertificateStore.open(CertificateStore.currentUserRoot(environment, home),
				CertificateStore.ROOT, reporter::warn);
		return new DevelopmentCertificateTrust(root, certificateDirectory(environment, home),
				nssDatabases(environment, home, reporter), environment, home, reporter);
	}

	/**
	 * Returns the OpenSSL certificate folder: {@value #CERTIFICATE_DIRECTORY_VARIABLE}, else
	 * {@code ~/.aspnet/dev-certs/trust}.
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @return the folder
	 */
	public static Path certificateDirectory(Map<String, String> environment, Path home) {
		requireNonNull(environment, "environment");
		requireNonNull(home, "home");
		String override = environment.get(CERTIFICATE_DIRECTORY_VARIABLE);
		if (override != null && !override.isBlank()) {
			return Path.of(override).toAbsolutePath().normalize();
		}
		return home.resolve(".aspnet").resolve("dev-certs").resolve("trust");
	}

	/**
	 * Returns the NSS databases to update: those listed in {@value #NSS_DATABASES_VARIABLE} (missing folders are
	 * reported and skipped), else the existing ones of Chromium ({@code ~/.pki/nssdb}, snap Chromium) and Firefox
	 * ({@code ~/.mozilla/firefox/*.default*}, snap Firefox).
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @param reporter receives skipped overrides
	 * @return the databases
	 */
	public static List<NssDatabase> nssDatabases(Map<String, String> environment, Path home,
			DevCertReporter reporter) {
		requireNonNull(environment, "environment");
		requireNonNull(home, "home");
		requireNonNull(reporter, "reporter");
		List<NssDatabase> databases = new ArrayList<>();
		String override = environment.get(NSS_DATABASES_VARIABLE);
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
					reporter.warn(KestrelMessages.nssDatabaseMissing(path.toString(), NSS_DATABASES_VARIABLE));
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

	/**
	 * Returns the name under which a certificate is trusted: the PEM file name (without {@code .pem}) and the NSS
	 * nickname, {@code aspnetcore-localhost-<THUMBPRINT>}.
	 * @param certificate the certificate
	 * @return the nickname
	 */
	public static String nickname(X509Certificate certificate) {
		return "aspnetcore-localhost-" + Thumbprints.of(certificate);
	}

	/** @return the CurrentUser {@code Root} store used */
	public CertificateStore rootStore() {
		return this.rootStore;
	}

	/** @return the OpenSSL certificate folder used */
	public Path certificateDirectory() {
		return this.certificateDirectory;
	}

	/** @return the NSS databases used */
	public List<NssDatabase> nssDatabases() {
		return this.nssDatabases;
	}

	/**
	 * Trusts a certificate in every place this class knows, reporting each step.
	 * @param certificate the certificate (its key is never written anywhere)
	 * @return {@link TrustLevel#FULL} when every step succeeded and {@code SSL_CERT_DIR} lists the OpenSSL folder,
	 * {@link TrustLevel#PARTIAL} when some did, {@link TrustLevel#NONE} when none did
	 */
	public TrustLevel trust(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		boolean success = false;
		boolean failure = false;
		if (this.rootStore.contains(certificate)) {
			this.reporter.verbose(KestrelMessages.trustAlreadyInRootStore(show(this.rootStore.directory())));
			success = true;
		}
		else {
			try {
				this.rootStore.add(certificate, null);
				this.reporter.output(KestrelMessages.trustAddedToRootStore(show(this.rootStore.directory())));
				success = true;
			}
			catch (CertificateStoreException ex) {
				this.reporter.warn(KestrelMessages.trustRootStoreFailed(ex.getMessage()));
				failure = true;
			}
		}
		Path pem = this.certificateDirectory.resolve(nickname(certificate) + ".pem");
		if (!writePem(certificate, pem)) {
			return TrustLevel.NONE;
		}
		boolean openSslTrusted = false;
		Optional<Path> openssl = this.commands.find(OPENSSL);
		if (openssl.isEmpty()) {
			this.reporter.warn(KestrelMessages.trustOpenSslMissing());
		}
		else {
			Optional<Path> link = rehash(openssl.get(), pem);
			if (link.isPresent()) {
				this.reporter.output(KestrelMessages.trustOpenSslLinked(show(link.get()), show(pem)));
				openSslTrusted = true;
			}
		}
		success |= openSslTrusted;
		failure |= !openSslTrusted;
		Optional<Path> certutil = this.commands.find(CERTUTIL);
		if (this.nssDatabases.isEmpty()) {
			this.reporter.verbose(KestrelMessages.trustNoNssDatabases());
		}
		else if (certutil.isEmpty()) {
			this.reporter.warn(KestrelMessages.trustCertUtilMissing(describe(this.nssDatabases)));
			failure = true;
		}
		else {
			for (NssDatabase database : this.nssDatabases) {
				if (addToNss(certutil.get(), database, certificate, pem)) {
					success = true;
				}
				else {
					failure = true;
				}
			}
		}
		if (failure && !success) {
			return TrustLevel.NONE;
		}
		if (openSslTrusted && !adviseSslCertDir(openssl.get())) {
			failure = true;
		}
		this.reporter.output(KestrelMessages.trustJavaClients());
		if (failure) {
			this.reporter.warn(KestrelMessages.trustPartial());
			return TrustLevel.PARTIAL;
		}
		return TrustLevel.FULL;
	}

	/**
	 * Checks where a certificate is trusted without changing anything: the {@code Root} store, a folder of
	 * {@code SSL_CERT_DIR} holding its PEM, and every NSS database. Details go to the reporter's verbose channel.
	 * @param certificate the certificate
	 * @return the trust level
	 */
	public TrustLevel trustLevel(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		boolean success = false;
		boolean failure = false;
		if (this.rootStore.contains(certificate)) {
			success = true;
		}
		else {
			this.reporter.verbose(KestrelMessages.notTrustedByDotnet(show(this.rootStore.directory())));
			failure = true;
		}
		if (isInSslCertDir(certificate)) {
			success = true;
		}
		else {
			this.reporter.verbose(KestrelMessages.notTrustedByOpenSsl(SSL_CERT_DIR_VARIABLE));
			failure = true;
		}
		if (!this.nssDatabases.isEmpty()) {
			Optional<Path> certutil = this.commands.find(CERTUTIL);
			if (certutil.isEmpty()) {
				this.reporter.verbose(KestrelMessages.trustCertUtilMissing(describe(this.nssDatabases)));
				failure = true;
			}
			else {
				for (NssDatabase database : this.nssDatabases) {
					if (isInNss(certutil.get(), database, nickname(certificate))) {
						success = true;
					}
					else {
						this.reporter.verbose(KestrelMessages.notTrustedByNss(show(database.path()), database.family()));
						failure = true;
					}
				}
			}
		}
		if (!success) {
			return TrustLevel.NONE;
		}
		return failure ? TrustLevel.PARTIAL : TrustLevel.FULL;
	}

	/**
	 * Removes a certificate from every place {@link #trust} puts it.
	 * @param certificate the certificate
	 * @return whether it is gone from everywhere
	 */
	public boolean untrust(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		boolean complete = true;
		String thumbprint = Thumbprints.of(certificate);
		try {
			if (this.rootStore.remove(thumbprint)) {
				this.reporter.output(KestrelMessages.untrustRemovedFromRootStore(thumbprint,
						show(this.rootStore.directory())));
			}
		}
		catch (CertificateStoreException ex) {
			this.reporter.warn(KestrelMessages.untrustFailed(show(this.rootStore.directory()), ex.getMessage()));
			complete = false;
		}
		Path pem = this.certificateDirectory.resolve(nickname(certificate) + ".pem");
		if (Files.exists(pem, LinkOption.NOFOLLOW_LINKS)) {
			try {
				Files.delete(pem);
				this.reporter.output(KestrelMessages.untrustRemovedPem(show(pem)));
				Optional<Path> openssl = this.commands.find(OPENSSL);
				if (openssl.isPresent()) {
					rehash(openssl.get(), null);
				}
				else {
					removeDanglingHashLinks();
				}
			}
			catch (IOException ex) {
				this.reporter.warn(KestrelMessages.untrustFailed(show(pem), String.valueOf(ex.getMessage())));
				complete = false;
			}
		}
		if (!this.nssDatabases.isEmpty()) {
			Optional<Path> certutil = this.commands.find(CERTUTIL);
			for (NssDatabase database : this.nssDatabases) {
				if (certutil.isEmpty()) {
					this.reporter.warn(KestrelMessages.untrustCertUtilMissing(show(database.path())));
				}
				else if (!removeFromNss(certutil.get(), database, nickname(certificate))) {
					complete = false;
				}
			}
		}
		return complete;
	}

	/**
	 * Lists the development certificates found in the OpenSSL folder by their file name, for {@code --clean}.
	 * @return certificates by thumbprint
	 */
	Map<String, X509Certificate> trustedFiles() {
		Map<String, X509Certificate> certificates = new LinkedHashMap<>();
		if (!Files.isDirectory(this.certificateDirectory)) {
			return certificates;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.certificateDirectory)) {
			for (Path file : files) {
				Matcher matcher = TRUSTED_FILE.matcher(file.getFileName().toString());
				if (matcher.matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
					X509Certificate certificate = readCertificate(file);
					if (certificate != null && DevelopmentCertificate.isDevelopmentCertificate(certificate)) {
						certificates.put(Thumbprints.of(certificate), certificate);
					}
				}
			}
		}
		catch (IOException ex) {
			this.reporter.warn(KestrelMessages.untrustFailed(show(this.certificateDirectory),
					String.valueOf(ex.getMessage())));
		}
		return certificates;
	}

	private boolean writePem(X509Certificate certificate, Path pem) {
		try {
			SecureFiles.createDirectories(this.certificateDirectory);
			warnIfWritableByOthers(this.certificateDirectory);
			if (Files.exists(pem, LinkOption.NOFOLLOW_LINKS)) {
				X509Certificate existing = readCertificate(pem);
				if (existing == null || !Arrays.equals(existing.getEncoded(), certificate.getEncoded())) {
					this.reporter.warn(KestrelMessages.trustExistingFileDiffers(show(pem)));
					return false;
				}
				this.reporter.verbose(KestrelMessages.trustPemAlreadyPresent(show(pem)));
				return true;
			}
			SecureFiles.write(pem, DevelopmentCertificateExport.pem(certificate).getBytes(StandardCharsets.US_ASCII),
					SecureFiles.PUBLIC_FILE);
			this.reporter.output(KestrelMessages.trustExportedPem(show(pem)));
			return true;
		}
		catch (IOException | GeneralSecurityException ex) {
			this.reporter.warn(KestrelMessages.trustExportFailed(show(pem), String.valueOf(ex.getMessage())));
			return false;
		}
	}

	/**
	 * Recreates the OpenSSL hash links of the folder, as a simplified {@code c_rehash}: deletes every
	 * {@code <hash>.<n>} symbolic link, then links each {@code .pem}, {@code .crt} and {@code .cer} file.
	 * @return the link created for {@code wanted}, or empty (also when rehashing failed, which is reported)
	 */
	private Optional<Path> rehash(Path openssl, Path wanted) {
		Path wantedLink = null;
		try {
			List<Path> certificates = new ArrayList<>();
			try (DirectoryStream<Path> files = Files.newDirectoryStream(this.certificateDirectory)) {
				for (Path file : files) {
					String name = file.getFileName().toString();
					if (Files.isSymbolicLink(file) && HASH_LINK.matcher(name).matches()) {
						Files.delete(file);
					}
					else if (CERTIFICATE_FILE.matcher(name).matches() && Files.isRegularFile(file)) {
						certificates.add(file);
					}
				}
			}
			certificates.sort(null);
			for (Path certificate : certificates) {
				ExternalCommands.Result result = this.commands.run(openssl, "x509", "-hash", "-noout", "-in",
						certificate.toString());
				if (!result.succeeded() || result.output().isBlank()) {
					this.reporter.warn(KestrelMessages.trustOpenSslFailed(show(certificate), result.output()));
					return Optional.empty();
				}
				Path link = createHashLink(result.output().lines().findFirst().orElse("").trim(), certificate);
				if (link == null) {
					this.reporter.warn(KestrelMessages.trustOpenSslFailed(show(certificate),
							"more than " + MAX_HASH_COLLISIONS + " certificates with the same subject hash"));
					return Optional.empty();
				}
				if (certificate.equals(wanted)) {
					wantedLink = link;
				}
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			this.reporter.warn(KestrelMessages.trustOpenSslFailed(show(this.certificateDirectory),
					String.valueOf(ex.getMessage())));
			return Optional.empty();
		}
		return Optional.ofNullable(wantedLink);
	}

	private Path createHashLink(String hash, Path certificate) throws IOException {
		if (!hash.matches("[0-9a-f]+")) {
			return null;
		}
		for (int index = 0; index < MAX_HASH_COLLISIONS; index++) {
			Path link = this.certificateDirectory.resolve(hash + "." + index);
			if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
				// Relative, as c_rehash links.
				Files.createSymbolicLink(link, certificate.getFileName());
				return link;
			}
		}
		return null;
	}

	private void removeDanglingHashLinks() throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.certificateDirectory)) {
			for (Path file : files) {
				if (Files.isSymbolicLink(file) && HASH_LINK.matcher(file.getFileName().toString()).matches()
						&& !Files.exists(file)) {
					Files.delete(file);
				}
			}
		}
	}

	private boolean adviseSslCertDir(Path openssl) {
		String shown = show(this.certificateDirectory);
		String current = this.environment.get(SSL_CERT_DIR_VARIABLE);
		if (current != null && !current.isBlank()) {
			for (String entry : current.split(File.pathSeparator)) {
				if (!entry.isBlank() && Path.of(entry).toAbsolutePath().normalize().equals(this.certificateDirectory)) {
					this.reporter.verbose(KestrelMessages.trustSslCertDirConfigured(shown, SSL_CERT_DIR_VARIABLE));
					return true;
				}
			}
			this.reporter.warn(KestrelMessages.trustSuggestAppendingSslCertDir(shown, SSL_CERT_DIR_VARIABLE));
			return false;
		}
		ExternalCommands.Result version = this.commands.run(openssl, "version", "-d");
		Matcher matcher = OPENSSL_DIR.matcher(version.output());
		String systemCertificates = (version.succeeded() && matcher.find())
				? Path.of(matcher.group(1), "certs").toString() : null;
		this.reporter.warn(KestrelMessages.trustSuggestSettingSslCertDir(shown, systemCertificates,
				SSL_CERT_DIR_VARIABLE));
		return false;
	}

	private boolean isInSslCertDir(X509Certificate certificate) {
		String value = this.environment.get(SSL_CERT_DIR_VARIABLE);
		if (value == null || value.isBlank()) {
			return false;
		}
		for (String entry : value.split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			X509Certificate candidate = readCertificate(Path.of(entry).resolve(nickname(certificate) + ".pem"));
			try {
				if (candidate != null && Arrays.equals(candidate.getEncoded(), certificate.getEncoded())) {
					return true;
				}
			}
			catch (GeneralSecurityException ex) {
				// not this one
			}
		}
		return false;
	}

	private boolean addToNss(Path certutil, NssDatabase database, X509Certificate certificate, Path pem) {
		String nickname = nickname(certificate);
		ExternalCommands.Result result = this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname,
				"-A", "-i", pem.toString(), "-t", database.trustFlags());
		if (!result.succeeded()) {
			this.reporter.warn(KestrelMessages.trustNssFailed(show(database.path()), database.family(),
					result.output()));
			return false;
		}
		if (!isInNss(certutil, database, nickname)) {
			this.reporter.warn(KestrelMessages.trustNssFailed(show(database.path()), database.family(),
					"certutil added the certificate, but it is not listed as trusted under " + nickname));
			return false;
		}
		this.reporter.output(KestrelMessages.trustNssAdded(show(database.path()), database.family()));
		return true;
	}

	private boolean isInNss(Path certutil, NssDatabase database, String nickname) {
		// -V checks the certificate can verify a server; Firefox's "trusted CA" state has no such check.
		ExternalCommands.Result result = database.firefox()
				? this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname, "-L")
				: this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname, "-V", "-u", "V");
		return result.succeeded();
	}

	private boolean removeFromNss(Path certutil, NssDatabase database, String nickname) {
		if (!this.commands.run(certutil, "-d", "sql:" + database.path(), "-n", nickname, "-L").succeeded()) {
			return true;
		}
		ExternalCommands.Result result = this.commands.run(certutil, "-d", "sql:" + database.path(), "-D", "-n",
				nickname);
		if (result.succeeded()) {
			this.reporter.output(KestrelMessages.untrustNssRemoved(show(database.path())));
			return true;
		}
		this.reporter.warn(KestrelMessages.untrustFailed(show(database.path()), result.output()));
		return false;
	}

	private void warnIfWritableByOthers(Path directory) throws IOException {
		if (SecureFiles.isPosix(directory)) {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
			if (permissions.contains(PosixFilePermission.GROUP_WRITE)
					|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
				this.reporter.warn(KestrelMessages.trustDirectoryWritableByOthers(show(directory)));
			}
		}
	}

	private static X509Certificate readCertificate(Path file) {
		try {
			return Pkcs12Files.decode(Files.readAllBytes(file), null).certificate();
		}
		catch (IOException | GeneralSecurityException ex) {
			return null;
		}
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

	private String describe(List<NssDatabase> databases) {
		return String.join(", ", databases.stream().map((database) -> show(database.path())).toList());
	}

	private String show(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		if (absolute.startsWith(this.home) && !absolute.equals(this.home)) {
			return "$HOME/" + this.home.relativize(absolute);
		}
		return absolute.toString();
	}

}
