package dev.kestrel.internal.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.internal.tls.store.Thumbprints;

import static java.util.Objects.requireNonNull;

/**
 * Checks a server certificate before use, like Kestrel: a certificate whose Extended Key
 * Usage extension lacks Server Authentication is refused; a certificate without a
 * subjectAlternativeName extension, or outside its validity period, is accepted with a
 * warning that the caller logs.
 */
public final class ServerCertificateValidator {

	/** The Server Authentication extended key usage. */
	public static final String SERVER_AUTHENTICATION_OID = "1.3.6.1.5.5.7.3.1";

	private static final String EXTENDED_KEY_USAGE_OID = "2.5.29.37";

	private static final String SUBJECT_ALTERNATIVE_NAME_OID = "2.5.29.17";

	private final Clock clock;

	/**
	 * Creates a validator that uses the system clock.
	 */
	public ServerCertificateValidator() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a validator.
	 * @param clock the clock that decides whether a certificate has expired
	 */
	public ServerCertificateValidator(Clock clock) {
		this.clock = requireNonNull(clock, "clock");
	}

	/**
	 * Validates a server certificate.
	 * @param certificate the leaf certificate
	 * @return the warnings to log (missing SAN, expired, not yet valid), possibly empty
	 * @throws KestrelConfigurationException if the certificate may not be used for server
	 * authentication
	 */
	public List<String> validate(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		if (!isAllowedForServerAuthentication(certificate)) {
			throw new KestrelConfigurationException(
					CertificateMessages.invalidServerCertificateEku(Thumbprints.of(certificate)));
		}
		List<String> warnings = new ArrayList<>();
		if (certificate.getExtensionValue(SUBJECT_ALTERNATIVE_NAME_OID) == null) {
			warnings.add(CertificateMessages.certificateLacksSubjectAlternativeName(Thumbprints.of(certificate)));
		}
		Instant now = this.clock.instant();
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		if (now.isAfter(notAfter)) {
			warnings.add(CertificateMessages.certificateExpired(Thumbprints.of(certificate), notAfter.toString()));
		}
		else if (now.isBefore(notBefore)) {
			warnings.add(CertificateMessages.certificateNotYetValid(Thumbprints.of(certificate), notBefore.toString()));
		}
		return List.copyOf(warnings);
	}

	/**
	 * Returns whether a certificate may be used for server authentication: it has no
	 * Extended Key Usage extension, or the extension lists Server Authentication
	 * ({@value #SERVER_AUTHENTICATION_OID}). Like Kestrel, {@code anyExtendedKeyUsage}
	 * does not count.
	 * @param certificate the certificate
	 * @return whether it may be used as a server certificate
	 */
	public static boolean isAllowedForServerAuthentication(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		if (certificate.getExtensionValue(EXTENDED_KEY_USAGE_OID) == null) {
			return true;
		}
		try {
			List<String> usages = certificate.getExtendedKeyUsage();
			return usages != null && usages.contains(SERVER_AUTHENTICATION_OID);
		}
		catch (CertificateParsingException ex) {
			return false;
		}
	}

	/**
	 * Returns whether a certificate is within its validity period.
	 * @param certificate the certificate
	 * @param now the instant to check
	 * @return whether {@code notBefore <= now <= notAfter}
	 */
	static boolean isTimeValid(X509Certificate certificate, Instant now) {
		return !now.isBefore(certificate.getNotBefore().toInstant())
				&& !now.isAfter(certificate.getNotAfter().toInstant());
	}

}
