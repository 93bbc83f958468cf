package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Picks the certificate for a {@code Subject} among the entries of a store, like
 * Kestrel's {@code CertificateLoader.LoadFromStoreCert}:
 * <ol>
 * <li>the subject is a case-insensitive substring of one of the subject name's attribute
 * values (.NET {@code FindBySubjectName}), so {@code localhost} matches
 * {@code CN=localhost} and {@code CN=a.localhost.test};</li>
 * <li>unless {@code AllowInvalid}, the certificate is within its validity period;</li>
 * <li>it has no Extended Key Usage extension, or one that lists Server
 * Authentication;</li>
 * <li>the store holds its private key;</li>
 * <li>among the rest, the first whose common name equals the subject (ignoring case)
 * wins, else the one that expires last.</li>
 * </ol>
 */
public final class StoreCertificateSelector {

	private final Clock clock;

	/**
	 * Creates a selector that uses the system clock.
	 */
	public StoreCertificateSelector() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a selector.
	 * @param clock the clock that decides whether a certificate is time-valid
	 */
	public StoreCertificateSelector(Clock clock) {
		this.clock = requireNonNull(clock, "clock");
	}

	/**
	 * Selects the certificate for a subject.
	 * @param candidates the store's entries
	 * @param subject the configured {@code Subject}
	 * @param storeLocation the store location, for the message
	 * @param storeName the store name, for the message
	 * @param allowInvalid whether certificates outside their validity period may be
	 * selected
	 * @return the selected certificate
	 * @throws KestrelConfigurationException if no certificate qualifies
	 */
	public ServerCertificate select(List<StoredCertificate> candidates, String subject, StoreLocation storeLocation,
			String storeName, boolean allowInvalid) {
		requireNonNull(storeLocation, "storeLocation");
		requireNonNull(storeName, "storeName");
		return find(candidates, subject, allowInvalid)
			.orElseThrow(() -> new KestrelConfigurationException(CertificateMessages.certificateNotFoundInStore(subject,
					storeLocation.kestrelName(), storeName, allowInvalid)));
	}

	/**
	 * Finds the certificate for a subject.
	 * @param candidates the store's entries
	 * @param subject the configured {@code Subject}
	 * @param allowInvalid whether certificates outside their validity period may be
	 * selected
	 * @return the selected certificate, or empty when none qualifies
	 */
	public Optional<ServerCertificate> find(List<StoredCertificate> candidates, String subject, boolean allowInvalid) {
		requireNonNull(candidates, "candidates");
		requireNonNull(subject, "subject");
		Instant now = this.clock.instant();
		List<StoredCertificate> matches = candidates.stream()
			.filter((candidate) -> subjectMatches(candidate.certificate(), subject))
			.filter((candidate) -> allowInvalid || ServerCertificateValidator.isTimeValid(candidate.certificate(), now))
			.filter((candidate) -> ServerCertificateValidator.isAllowedForServerAuthentication(candidate.certificate()))
			.filter(StoredCertificate::hasPrivateKey)
			.sorted(Comparator.comparing((StoredCertificate candidate) -> candidate.certificate().getNotAfter())
				.reversed())
			.toList();
		return matches.stream()
			.filter((candidate) -> commonNames(candidate.certificate()).anyMatch(subject::equalsIgnoreCase))
			.findFirst()
			.or(() -> matches.stream().findFirst())
			.map(ServerCertificate::of);
	}

	/**
	 * Returns whether a subject matches a certificate like .NET
	 * {@code FindBySubjectName}: a case-insensitive substring of one of the subject
	 * name's attribute values.
	 * @param certificate the certificate
	 * @param subject the configured subject
	 * @return whether it matches
	 */
	static boolean subjectMatches(X509Certificate certificate, String subject) {
		String needle = subject.toLowerCase(Locale.ROOT);
		return attributeValues(certificate, null).anyMatch((value) -> value.toLowerCase(Locale.ROOT).contains(needle));
	}

	private static Stream<String> commonNames(X509Certificate certificate) {
		return attributeValues(certificate, BCStyle.CN);
	}

	private static Stream<String> attributeValues(X509Certificate certificate, ASN1ObjectIdentifier type) {
		X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		RDN[] rdns = (type != null) ? name.getRDNs(type) : name.getRDNs();
		return Stream.of(rdns)
			.flatMap((rdn) -> Stream.of(rdn.getTypesAndValues()))
			.filter((attribute) -> type == null || type.equals(attribute.getType()))
			.map(AttributeTypeAndValue::getValue)
			.map(StoreCertificateSelector::toText);
	}

	private static String toText(ASN1Encodable value) {
		return (value instanceof ASN1String string) ? string.getString() : IETFUtils.valueToString(value);
	}

}
