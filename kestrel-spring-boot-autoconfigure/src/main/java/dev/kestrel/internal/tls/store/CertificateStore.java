package dev.kestrel.internal.tls.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.kestrel.diagnostics.CertificateMessages;

import static java.util.Objects.requireNonNull;

/**
 * A certificate store: a folder of PKCS#12 files laid out as .NET lays out
 * {@code X509Store} on Linux, so that certificates are shared with .NET tooling (for
 * example {@code dotnet dev-certs}).
 * <ul>
 * <li>CurrentUser root: {@code ~/.dotnet/corefx/cryptography/x509stores/} (see
 * {@link #currentUserRoot()}).</li>
 * <li>LocalMachine root: {@code /usr/local/share/kestrel/x509stores/} (see
 * {@link #localMachineRoot()}). .NET has no writable LocalMachine store on Linux; this
 * folder is the starter's own convention.</li>
 * <li>Store folder: the store name in lower case ({@code my}, {@code root}).</li>
 * <li>File: {@code <SHA-1 THUMBPRINT IN UPPER CASE>.pfx}, without a password (see
 * {@link Pkcs12Files}), mode {@code 0600}; folders created with mode {@code 0700}.</li>
 * </ul>
 * Unreadable files are skipped and reported to the warning handler; one bad file never
 * hides the others.
 */
public final class CertificateStore {

	/** The personal store: certificates with their private keys. */
	public static final String MY = "My";

	/** The trusted root store. */
	public static final String ROOT = "Root";

	/** System property that overrides {@link #currentUserRoot()}. */
	public static final String CURRENT_USER_PROPERTY = "kestrel.x509stores.current-user";

	/**
	 * Environment variable that overrides {@link #currentUserRoot()} (the system property
	 * wins).
	 */
	public static final String CURRENT_USER_VARIABLE = "KESTREL_X509STORES_CURRENT_USER";

	/** System property that overrides {@link #localMachineRoot()}. */
	public static final String LOCAL_MACHINE_PROPERTY = "kestrel.x509stores.local-machine";

	/**
	 * Environment variable that overrides {@link #localMachineRoot()} (the system
	 * property wins).
	 */
	public static final String LOCAL_MACHINE_VARIABLE = "KESTREL_X509STORES_LOCAL_MACHINE";

	/** The default LocalMachine stores root on Linux. */
	public static final Path DEFAULT_LOCAL_MACHINE_ROOT = Path.of("/usr/local/share/kestrel/x509stores");

	private static final System.Logger logger = System.getLogger(CertificateStore.class.getName());

	private static final String EXTENSION = ".pfx";

	private final String name;

	private final Path directory;

	private final Consumer<String> warningHandler;

	private CertificateStore(String name, Path directory, Consumer<String> warningHandler) {
		this.name = name;
		this.directory = directory;
		this.warningHandler = warningHandler;
	}

	/**
	 * Opens a store whose warnings are logged through {@link System.Logger} at
	 * {@code WARNING}. The folder is created when a certificate is first added.
	 * @param storesRoot the stores root, e.g. {@link #currentUserRoot()}
	 * @param storeName the store name, e.g. {@link #MY} (case-insensitive)
	 * @return the store
	 */
	public static CertificateStore open(Path storesRoot, String storeName) {
		return open(storesRoot, storeName, (warning) -> logger.log(System.Logger.Level.WARNING, warning));
	}

	/**
	 * Opens a store.
	 * @param storesRoot the stores root, e.g. {@link #currentUserRoot()}
	 * @param storeName the store name, e.g. {@link #MY} (case-insensitive)
	 * @param warningHandler receives one line per file that cannot be read (never a
	 * password or key material)
	 * @return the store
	 */
	public static CertificateStore open(Path storesRoot, String storeName, Consumer<String> warningHandler) {
		requireNonNull(storesRoot, "storesRoot");
		requireNonNull(storeName, "storeName");
		requireNonNull(warningHandler, "warningHandler");
		String folder = storeName.toLowerCase(Locale.ROOT);
		if (folder.isBlank() || folder.equals(".") || folder.equals("..") || folder.contains("/")
				|| folder.contains("\\") || folder.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(
					String.format("storeName: %s (expected: a store name such as My or Root)", storeName));
		}
		return new CertificateStore(storeName, storesRoot.toAbsolutePath().normalize().resolve(folder), warningHandler);
	}

	/**
	 * Returns the CurrentUser stores root: the system property
	 * {@value #CURRENT_USER_PROPERTY}, else the environment variable
	 * {@value #CURRENT_USER_VARIABLE}, else
	 * {@code ${user.home}/.dotnet/corefx/cryptography/x509stores}.
	 * @return the CurrentUser stores root
	 */
	public static Path currentUserRoot() {
		return currentUserRoot(System.getenv(), Path.of(System.getProperty("user.home")));
	}

	/**
	 * Returns the CurrentUser stores root for a given environment and home directory (see
	 * {@link #currentUserRoot()}).
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @return the CurrentUser stores root
	 */
	public static Path currentUserRoot(Map<String, String> environment, Path home) {
		requireNonNull(environment, "environment");
		requireNonNull(home, "home");
		return override(CURRENT_USER_PROPERTY, CURRENT_USER_VARIABLE, environment)
			.orElseGet(() -> home.resolve(".dotnet").resolve("corefx").resolve("cryptography").resolve("x509stores"));
	}

	/**
	 * Returns the LocalMachine stores root: the system property
	 * {@value #LOCAL_MACHINE_PROPERTY}, else the environment variable
	 * {@value #LOCAL_MACHINE_VARIABLE}, else {@link #DEFAULT_LOCAL_MACHINE_ROOT}.
	 * @return the LocalMachine stores root
	 */
	public static Path localMachineRoot() {
		return localMachineRoot(System.getenv());
	}

	/**
	 * Returns the LocalMachine stores root for a given environment (see
	 * {@link #localMachineRoot()}).
	 * @param environment the environment variables
	 * @return the LocalMachine stores root
	 */
	public static Path localMachineRoot(Map<String, String> environment) {
		requireNonNull(environment, "environment");
		return override(LOCAL_MACHINE_PROPERTY, LOCAL_MACHINE_VARIABLE, environment).orElse(DEFAULT_LOCAL_MACHINE_ROOT);
	}

	private static Optional<Path> override(String property, String variable, Map<String, String> environment) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = environment.get(variable);
		}
		return (value == null || value.isBlank()) ? Optional.empty()
				: Optional.of(Path.of(value).toAbsolutePath().normalize());
	}

	/**
	 * @return the store name as given to {@link #open}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return the store folder
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Lists the certificates of the store, ordered by file name. Files that cannot be
	 * read are skipped and reported to the warning handler. A store whose folder does not
	 * exist is empty.
	 * @return the certificates
	 */
	public List<StoredCertificate> list() {
		List<StoredCertificate> certificates = new ArrayList<>();
		for (Path file : files()) {
			try {
				Pkcs12Files.Decoded decoded = Pkcs12Files.decode(Files.readAllBytes(file), null);
				certificates.add(new StoredCertificate(decoded.certificate(), decoded.privateKey(),
						decoded.intermediates(), file));
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				this.warningHandler.accept(CertificateMessages.unreadableStoreFile(file.toString(), reason(ex)));
			}
		}
		return certificates;
	}

	/**
	 * Finds a certificate by thumbprint. When several files hold it, one with a private
	 * key is preferred.
	 * @param thumbprint the SHA-1 thumbprint (case-insensitive)
	 * @return the certificate, if present
	 */
	public Optional<StoredCertificate> find(String thumbprint) {
		String wanted = Thumbprints.normalize(thumbprint);
		return list().stream()
			.filter((stored) -> stored.thumbprint().equals(wanted))
			.max(Comparator.comparing(StoredCertificate::hasPrivateKey));
	}

	/**
	 * Adds a certificate, as .NET's {@code X509Store.Add} does: when the store already
	 * holds the same certificate with its key (or no key is given) nothing is written;
	 * when it holds it without its key, the file is replaced. Otherwise the certificate
	 * is written to {@code <THUMBPRINT>.pfx} (or {@code <THUMBPRINT>.1.pfx}, ... when
	 * that name is taken). Files are written atomically with mode {@code 0600}.
	 * @param certificate the certificate
	 * @param privateKey its private key, or {@code null} (e.g. for the Root store)
	 * @return the stored certificate
	 * @throws CertificateStoreException if the file cannot be written
	 */
	public StoredCertificate add(X509Certificate certificate, PrivateKey privateKey) {
		requireNonNull(certificate, "certificate");
		if (privateKey != null && !CertificateKeyMatcher.matches(certificate, privateKey)) {
			throw new IllegalArgumentException(
					String.format("privateKey: %s key (expected: the private key of certificate %s)",
							privateKey.getAlgorithm(), Thumbprints.of(certificate)));
		}
		Path target = null;
		for (StoredCertificate existing : list()) {
			if (sameCertificate(existing.certificate(), certificate)) {
				if (existing.hasPrivateKey() || privateKey == null) {
					return existing;
				}
				target = existing.file();
				break;
			}
		}
		try {
			createDirectory();
			if (target == null) {
				target = freeFile(Thumbprints.of(certificate));
			}
			SecureFiles.write(target, Pkcs12Files.encode(certificate, privateKey, null), SecureFiles.OWNER_ONLY_FILE);
			return new StoredCertificate(certificate, privateKey, target);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new CertificateStoreException(
					CertificateMessages.certificateStoreWriteFailed(this.directory.toString(), reason(ex)), ex);
		}
	}

	/**
	 * Removes every file of the store that holds the certificate with the given
	 * thumbprint.
	 * @param thumbprint the SHA-1 thumbprint (case-insensitive)
	 * @return whether a file was removed
	 * @throws CertificateStoreException if a file cannot be deleted
	 */
	public boolean remove(String thumbprint) {
		String wanted = Thumbprints.normalize(thumbprint);
		boolean removed = false;
		for (StoredCertificate stored : list()) {
			if (stored.thumbprint().equals(wanted)) {
				try {
					removed |= Files.deleteIfExists(stored.file());
				}
				catch (IOException ex) {
					throw new CertificateStoreException(
							CertificateMessages.certificateStoreWriteFailed(this.directory.toString(), reason(ex)), ex);
				}
			}
		}
		return removed;
	}

	/**
	 * Returns whether the store holds exactly this certificate (same DER encoding).
	 * @param certificate the certificate
	 * @return whether the store holds it
	 */
	public boolean contains(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		return list().stream().anyMatch((stored) -> sameCertificate(stored.certificate(), certificate));
	}

	@Override
	public String toString() {
		return "CertificateStore[" + this.name + " at " + this.directory + "]";
	}

	private List<Path> files() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.directory)) {
			for (Path file : stream) {
				String fileName = file.getFileName().toString();
				if (!fileName.startsWith(".") && fileName.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
						&& Files.isRegularFile(file)) {
					files.add(file);
				}
			}
		}
		catch (IOException ex) {
			this.warningHandler.accept(CertificateMessages.unreadableStoreFile(this.directory.toString(), reason(ex)));
		}
		files.sort(Comparator.comparing((file) -> file.getFileName().toString()));
		return files;
	}

	private void createDirectory() throws IOException {
		if (Files.isDirectory(this.directory)) {
			if (SecureFiles.isPosix(this.directory)) {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(this.directory,
						LinkOption.NOFOLLOW_LINKS);
				if (!SecureFiles.OWNER_ONLY_DIRECTORY.containsAll(permissions)) {
					this.warningHandler
						.accept(CertificateMessages.certificateStoreDirectoryNotPrivate(this.directory.toString()));
				}
			}
			return;
		}
		SecureFiles.createDirectories(this.directory);
	}

	private Path freeFile(String thumbprint) {
		Path candidate = this.directory.resolve(thumbprint + EXTENSION);
		for (int index = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); index++) {
			candidate = this.directory.resolve(thumbprint + "." + index + EXTENSION);
		}
		return candidate;
	}

	private static boolean sameCertificate(X509Certificate first, X509Certificate second) {
		try {
			return Arrays.equals(first.getEncoded(), second.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static String reason(Exception ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

}
