package dev.kestrel.internal.tls.devcert;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.CertificateStoreException;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Finds development certificates in a certificate store and creates one when there is
 * none, as ASP.NET Core's {@code CertificateManager} does. Importing, exporting, trusting
 * and removing them is the {@code kestrel-dev-certs} tool's job.
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
	 * Lists every certificate of a store that carries the development-certificate marker,
	 * valid or not.
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
	 * Lists the usable development certificates of a store, as Kestrel looks them up:
	 * carrying the marker, valid now, with a private key, at least version
	 * {@value DevelopmentCertificate#MINIMUM_VERSION}. Highest version first, then the
	 * newest.
	 * @param my the CurrentUser {@code My} store
	 * @param clock the clock that gives "now"
	 * @return the certificates, preferred first
	 */
	public static List<StoredCertificate> findValid(CertificateStore my, Clock clock) {
		return findValid(my, clock, DevelopmentCertificate.MINIMUM_VERSION);
	}

	/**
	 * Lists the usable development certificates of a store (see
	 * {@link #findValid(CertificateStore, Clock)}) of at least the given version.
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
	 * Returns a valid development certificate, creating one in the store when there is
	 * none. Used where nobody is asked (a server start), so any version from
	 * {@value DevelopmentCertificate#MINIMUM_VERSION} is accepted.
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
	 * Returns a valid development certificate with subject {@code CN=localhost} of at
	 * least the given version, creating one in the store when there is none. The
	 * command-line tool passes {@link DevelopmentCertificate#CURRENT_VERSION}, as
	 * {@code dotnet dev-certs https} does.
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

}
