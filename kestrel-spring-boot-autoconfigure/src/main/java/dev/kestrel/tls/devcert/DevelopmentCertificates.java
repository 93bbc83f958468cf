package dev.kestrel.tls.devcert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kestrel.tls.store.CertificateStore;
import dev.kestrel.tls.store.CertificateStoreException;
import dev.kestrel.tls.store.Pkcs12Files;
import dev.kestrel.tls.store.StoredCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Finds, creates, imports and removes development certificates in a certificate store, as ASP.NET Core's
 * {@code CertificateManager} does.
 */
public final class DevelopmentCertificates {

	private static final Comparator<StoredCertificate> PREFERRED = Comparator
		.comparingInt((StoredCertificate stored) -> DevelopmentCertificate.version(stored.certificate()))
		.thenComparing((stored) -> stored.certificate().getNotBefore())
		.thenComparing((stored) -> stored.certificate().getNotAfter())
		.reversed();

	private DevelopmentCertificates() {
	}

	/**
	 * Lists every certificate of a store that carries the development-certificate marker, valid or not.
	 * @param store the store
	 * @return the certificates, preferred first
	 */
	public static List<StoredCertificate> findAll(CertificateStore store) {
		requireNonNull(store, "store");
		return store.list()
			.stream()
			.filter((stored) -> DevelopmentCertificate.hasMarker(stored.certificate()))
			.sorted(PREFERRED)
			.toList();
	}

	/**
	 * Lists the usable development certificates of a store, as Kestrel looks them up: carrying the marker, valid
	 * now, with a private key, at least version {@value DevelopmentCertificate#MINIMUM_VERSION}. Highest version
	 * first, then the newest.
	 * @param my the CurrentUser {@code My} store
	 * @param clock the clock that gives "now"
	 * @return the certificates, preferred first
	 */
	public static List<StoredCertificate> findValid(CertificateStore my, Clock clock) {
		return findValid(my, clock, DevelopmentCertificate.MINIMUM_VERSION);
	}

	/**
	 * Lists the usable development certificates of a store (see {@link #findValid(CertificateStore, Clock)}) of at
	 * least the given version.
	 * @param my the CurrentUser {@code My} store
	 * @param clock the clock that gives "now"
	 * @param minimumVersion the lowest version accepted
	 * @return the certificates, preferred first
	 */
	public static List<StoredCertificate> findValid(CertificateStore my, Clock clock, int minimumVersion) {
		requireNonNull(my, "my");
		requireNonNull(clock, "clock");
		Instant now = clock.instant();
		return findAll(my).stream()
			.filter(StoredCertificate::hasPrivateKey)
			.filter((stored) -> isTimeValid(stored, now))
			.filter((stored) -> DevelopmentCertificate.version(stored.certificate()) >= minimumVersion)
			.toList();
	}

	/**
	 * Returns a valid development certificate, creating one in the store when there is none. Used where nobody is
	 * asked (a server start), so any version from {@value DevelopmentCertificate#MINIMUM_VERSION} is accepted.
	 * @param my the CurrentUser {@code My} store
	 * @param clock the clock that gives "now"
	 * @return the certificate and whether it was created
	 * @throws DevelopmentCertificateException if the certificate cannot be generated
	 * @throws CertificateStoreException if it cannot be saved
	 */
	public static EnsureResult ensureCreated(CertificateStore my, Clock clock) {
		return ensureCreated(my, clock, DevelopmentCertificate.MINIMUM_VERSION);
	}

	/**
	 * Returns a valid development certificate with subject {@code CN=localhost} of at least the given version,
	 * creating one in the store when there is none. The command-line tool passes
	 * {@link DevelopmentCertificate#CURRENT_VERSION}, as {@code dotnet dev-certs https} does.
	 * @param my the CurrentUser {@code My} store
	 * @param clock the clock that gives "now"
	 * @param minimumVersion the lowest version accepted
	 * @return the certificate and whether it was created
	 * @throws DevelopmentCertificateException if the certificate cannot be generated
	 * @throws CertificateStoreException if it cannot be saved
	 */
	public static EnsureResult ensureCreated(CertificateStore my, Clock clock, int minimumVersion) {
		for (StoredCertificate stored : findValid(my, clock, minimumVersion)) {
			if (DevelopmentCertificate.isDevelopmentCertificate(stored.certificate())) {
				return new EnsureResult(stored, false);
			}
		}
		GeneratedCertificate generated = DevelopmentCertificate.generate(clock);
		return new EnsureResult(my.add(generated.certificate(), generated.privateKey()), true);
	}

	/**
	 * Imports a development certificate from a PKCS#12 file into the store, as {@code dotnet dev-certs https
	 * --import} does.
	 * @param my the CurrentUser {@code My} store
	 * @param file the PKCS#12 file
	 * @param password its password
	 * @return the outcome
	 */
	public static ImportResult importCertificate(CertificateStore my, Path file, char[] password) {
		requireNonNull(my, "my");
		requireNonNull(file, "file");
		if (!Files.isRegularFile(file)) {
			return ImportResult.FILE_MISSING;
		}
		Pkcs12Files.Decoded decoded;
		try {
			decoded = Pkcs12Files.decode(Files.readAllBytes(file), password);
		}
		catch (IOException | GeneralSecurityException ex) {
			return ImportResult.INVALID_CERTIFICATE;
		}
		if (!DevelopmentCertificate.isDevelopmentCertificate(decoded.certificate())) {
			return ImportResult.NOT_A_DEVELOPMENT_CERTIFICATE;
		}
		if (!findAll(my).isEmpty()) {
			return ImportResult.EXISTING_CERTIFICATES_PRESENT;
		}
		my.add(decoded.certificate(), decoded.privateKey());
		return ImportResult.IMPORTED;
	}

	/**
	 * Removes every development certificate ({@code CN=localhost} with the marker) from the {@code My} store and
	 * from every place {@link DevelopmentCertificateTrust} trusts it: the {@code Root} store, the OpenSSL directory
	 * and the NSS databases. Certificates found only in the {@code Root} store or the OpenSSL directory are removed
	 * too.
	 * @param my the CurrentUser {@code My} store
	 * @param trust where the certificates are trusted
	 * @return the thumbprints removed and the thumbprints that could not be removed everywhere
	 */
	public static CleanResult clean(CertificateStore my, DevelopmentCertificateTrust trust) {
		requireNonNull(my, "my");
		requireNonNull(trust, "trust");
		Map<String, X509Certificate> certificates = new LinkedHashMap<>();
		for (StoredCertificate stored : findAll(my)) {
			if (DevelopmentCertificate.isDevelopmentCertificate(stored.certificate())) {
				certificates.putIfAbsent(stored.thumbprint(), stored.certificate());
			}
		}
		for (StoredCertificate stored : findAll(trust.rootStore())) {
			if (DevelopmentCertificate.isDevelopmentCertificate(stored.certificate())) {
				certificates.putIfAbsent(stored.thumbprint(), stored.certificate());
			}
		}
		trust.trustedFiles().forEach(certificates::putIfAbsent);
		List<String> removed = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		certificates.forEach((thumbprint, certificate) -> {
			boolean complete = trust.untrust(certificate);
			try {
				my.remove(thumbprint);
			}
			catch (CertificateStoreException ex) {
				complete = false;
			}
			if (complete) {
				removed.add(thumbprint);
			}
			else {
				failed.add(thumbprint);
			}
		});
		return new CleanResult(List.copyOf(removed), List.copyOf(failed));
	}

	private static boolean isTimeValid(StoredCertificate stored, Instant now) {
		return !now.isBefore(stored.certificate().getNotBefore().toInstant())
				&& !now.isAfter(stored.certificate().getNotAfter().toInstant());
	}

	/**
	 * The outcome of {@link #ensureCreated}.
	 *
	 * @param certificate the development certificate
	 * @param created whether it was created by this call
	 */
	public record EnsureResult(StoredCertificate certificate, boolean created) {

	}

	/**
	 * The outcome of {@link #clean}.
	 *
	 * @param removed thumbprints removed from everywhere
	 * @param failed thumbprints that could not be removed from some place (the reporter says which)
	 */
	public record CleanResult(List<String> removed, List<String> failed) {

		/** @return whether every certificate was removed from everywhere */
		public boolean isComplete() {
			return this.failed.isEmpty();
		}

	}

	/** The outcome of {@link #importCertificate}, one per exit code of {@code dotnet dev-certs https --import}. */
	public enum ImportResult {

		/** The certificate was imported. */
		IMPORTED,

		/** The file does not exist. */
		FILE_MISSING,

		/** The file is not a readable PKCS#12 file, or the password is wrong. */
		INVALID_CERTIFICATE,

		/** The certificate is not a development certificate. */
		NOT_A_DEVELOPMENT_CERTIFICATE,

		/** The store already holds development certificates. */
		EXISTING_CERTIFICATES_PRESENT

	}

}
