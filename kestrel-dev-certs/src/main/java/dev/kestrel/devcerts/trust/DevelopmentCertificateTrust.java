package dev.kestrel.devcerts.trust;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kestrel.devcerts.trust.TrustTarget.Outcome;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.Thumbprints;

import static java.util.Objects.requireNonNull;

/**
 * Trusts a development certificate for the current user on Linux, as ASP.NET Core's
 * {@code UnixCertificateManager} does, in three places, in this order:
 * <ol>
 * <li>the CurrentUser {@code Root} store, which .NET clients trust;</li>
 * <li>an OpenSSL hashed folder: the PEM in
 * {@code ~/.aspnet/dev-certs/trust/aspnetcore-localhost-<THUMBPRINT>.pem} (or
 * {@value #CERTIFICATE_DIRECTORY_VARIABLE}) and its {@code <hash>.0} link made with
 * {@code openssl x509 -hash}; OpenSSL clients trust it once the folder is listed in
 * {@code SSL_CERT_DIR}, which this class advises;</li>
 * <li>the NSS databases of Chromium and Firefox, or those listed in
 * {@value #NSS_DATABASES_VARIABLE}, with {@code certutil -A}.</li>
 * </ol>
 * Missing {@code openssl} or {@code certutil} commands skip their step with a warning and
 * leave the certificate {@link TrustLevel#PARTIAL partially} trusted. Java clients use
 * none of these places.
 */
public final class DevelopmentCertificateTrust {

	/** Environment variable that replaces the OpenSSL certificate folder (as in .NET). */
	public static final String CERTIFICATE_DIRECTORY_VARIABLE = "DOTNET_DEV_CERTS_OPENSSL_CERTIFICATE_DIRECTORY";

	/**
	 * Environment variable that replaces the NSS database list (as in .NET); entries are
	 * separated by {@code ;} or {@code :}; an empty value means no database.
	 */
	public static final String NSS_DATABASES_VARIABLE = "DOTNET_DEV_CERTS_NSSDB_PATHS";

	/** The environment variable OpenSSL reads its certificate folders from. */
	public static final String SSL_CERT_DIR_VARIABLE = "SSL_CERT_DIR";

	private final RootStoreTrust rootStore;

	private final OpenSslDirectoryTrust openSslDirectory;

	private final NssTrust nss;

	private final List<TrustTarget> targets;

	private final DevCertReporter reporter;

	/**
	 * Creates a trust helper for explicit locations (tests use temporary ones).
	 * @param rootStore the store .NET clients trust (the CurrentUser {@code Root} store)
	 * @param certificateDirectory the folder for the OpenSSL PEM and hash link
	 * @param nssDatabases the NSS databases to update
	 * @param environment the environment: {@code PATH} (to find {@code openssl} and
	 * {@code certutil}) and {@code SSL_CERT_DIR}
	 * @param home the user's home directory (messages show paths below it as
	 * {@code $HOME/...})
	 * @param reporter receives what is done
	 */
	public DevelopmentCertificateTrust(CertificateStore rootStore, Path certificateDirectory,
			List<NssDatabase> nssDatabases, Map<String, String> environment, Path home, DevCertReporter reporter) {
		requireNonNull(rootStore, "rootStore");
		requireNonNull(certificateDirectory, "certificateDirectory");
		Map<String, String> variables = Map.copyOf(requireNonNull(environment, "environment"));
		HomePaths paths = new HomePaths(requireNonNull(home, "home"));
		this.reporter = requireNonNull(reporter, "reporter");
		ExternalCommands commands = new ExternalCommands(variables);
		this.rootStore = new RootStoreTrust(rootStore, paths, reporter);
		this.openSslDirectory = new OpenSslDirectoryTrust(certificateDirectory.toAbsolutePath().normalize(),
				variables.get(SSL_CERT_DIR_VARIABLE), commands, paths, reporter);
		this.nss = new NssTrust(List.copyOf(requireNonNull(nssDatabases, "nssDatabases")),
				this.openSslDirectory::certificateFile, commands, paths, reporter,
				variables.containsKey(NSS_DATABASES_VARIABLE) ? null : home.resolve(".pki").resolve("nssdb"));
		this.targets = List.of(this.rootStore, this.openSslDirectory, this.nss);
	}

	/**
	 * Creates a trust helper for the current user's locations, honouring
	 * {@value #CERTIFICATE_DIRECTORY_VARIABLE}, {@value #NSS_DATABASES_VARIABLE} and the
	 * CurrentUser store overrides of {@link CertificateStore}.
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
	 * Returns the OpenSSL certificate folder: {@value #CERTIFICATE_DIRECTORY_VARIABLE},
	 * else {@code ~/.aspnet/dev-certs/trust}.
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
	 * Returns the NSS databases to update: those listed in
	 * {@value #NSS_DATABASES_VARIABLE} (missing folders are reported and skipped), else
	 * the existing ones of Chromium ({@code ~/.pki/nssdb}, snap Chromium) and Firefox
	 * ({@code ~/.mozilla/firefox/*.default*}, snap Firefox).
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @param reporter receives skipped overrides
	 * @return the databases
	 */
	public static List<NssDatabase> nssDatabases(Map<String, String> environment, Path home, DevCertReporter reporter) {
		requireNonNull(environment, "environment");
		requireNonNull(home, "home");
		requireNonNull(reporter, "reporter");
		return NssTrust.findDatabases(environment, home, reporter);
	}

	/**
	 * Returns the name under which a certificate is trusted: the PEM file name (without
	 * {@code .pem}) and the NSS nickname, {@code aspnetcore-localhost-<THUMBPRINT>}.
	 * @param certificate the certificate
	 * @return the nickname
	 */
	public static String nickname(X509Certificate certificate) {
		return "aspnetcore-localhost-" + Thumbprints.of(certificate);
	}

	/**
	 * @return the CurrentUser {@code Root} store used
	 */
	public CertificateStore rootStore() {
		return this.rootStore.store();
	}

	/**
	 * @return the OpenSSL certificate folder used
	 */
	public Path certificateDirectory() {
		return this.openSslDirectory.directory();
	}

	/**
	 * @return the NSS databases used
	 */
	public List<NssDatabase> nssDatabases() {
		return this.nss.databases();
	}

	/**
	 * Trusts a certificate in every place this class knows, reporting each step.
	 * @param certificate the certificate (its key is never written anywhere)
	 * @return {@link TrustLevel#FULL} when every step succeeded and {@code SSL_CERT_DIR}
	 * lists the OpenSSL folder, {@link TrustLevel#PARTIAL} when some did,
	 * {@link TrustLevel#NONE} when none did
	 */
	public TrustLevel trust(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		List<Outcome> outcomes = new ArrayList<>();
		for (TrustTarget target : this.targets) {
			Outcome outcome = target.trust(certificate);
			if (outcome == Outcome.ABORTED) {
				return TrustLevel.NONE;
			}
			outcomes.add(outcome);
		}
		TrustLevel level = combine(outcomes);
		if (level == TrustLevel.NONE) {
			return TrustLevel.NONE;
		}
		boolean complete = level == TrustLevel.FULL;
		for (int index = 0; index < this.targets.size(); index++) {
			boolean advised = this.targets.get(index).advise(outcomes.get(index));
			complete = complete && advised;
		}
		this.reporter.output(TrustMessages.trustJavaClients());
		if (!complete) {
			this.reporter.warn(TrustMessages.trustPartial());
			return TrustLevel.PARTIAL;
		}
		return TrustLevel.FULL;
	}

	/**
	 * Checks where a certificate is trusted without changing anything: the {@code Root}
	 * store, a folder of {@code SSL_CERT_DIR} holding its PEM, and every NSS database.
	 * Details go to the reporter's verbose channel.
	 * @param certificate the certificate
	 * @return the trust level
	 */
	public TrustLevel trustLevel(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		return combine(this.targets.stream().map((target) -> target.check(certificate)).toList());
	}

	/**
	 * Removes a certificate from every place {@link #trust} puts it.
	 * @param certificate the certificate
	 * @return whether it is gone from everywhere
	 */
	public boolean untrust(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		boolean complete = true;
		for (TrustTarget target : this.targets) {
			boolean removed = target.untrust(certificate);
			complete = complete && removed;
		}
		return complete;
	}

	/**
	 * Lists the development certificates found where {@link #trust} puts them (the
	 * {@code Root} store and the OpenSSL folder; NSS databases are not listed), for
	 * {@code --clean}.
	 * @return certificates by thumbprint
	 */
	public Map<String, X509Certificate> trustedCertificates() {
		Map<String, X509Certificate> certificates = new LinkedHashMap<>();
		for (TrustTarget target : this.targets) {
			target.trustedCertificates().forEach(certificates::putIfAbsent);
		}
		return certificates;
	}

	private static TrustLevel combine(List<Outcome> outcomes) {
		if (outcomes.stream().noneMatch(Outcome::succeeded)) {
			return TrustLevel.NONE;
		}
		return outcomes.stream().anyMatch(Outcome::failed) ? TrustLevel.PARTIAL : TrustLevel.FULL;
	}

}
