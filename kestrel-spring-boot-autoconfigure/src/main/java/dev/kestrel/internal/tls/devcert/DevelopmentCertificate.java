package dev.kestrel.internal.tls.devcert;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.kestrel.diagnostics.CertificateMessages;

import static java.util.Objects.requireNonNull;

/**
 * The HTTPS development certificate in the shape ASP.NET Core creates it
 * ({@code CertificateManager}, certificate version {@value #CURRENT_VERSION}, introduced
 * with .NET SDK 10.0.102):
 * <ul>
 * <li>subject {@code CN=localhost}; RSA 2048; SHA256withRSA; valid for {@link #VALIDITY
 * 365 days} from now;</li>
 * <li>Basic Constraints CA=false, critical; Key Usage digitalSignature + keyEncipherment,
 * critical; Extended Key Usage serverAuth, critical;</li>
 * <li>Subject Alternative Name, critical: DNS {@code localhost}, {@code *.dev.localhost},
 * {@code *.dev.internal}, {@code host.docker.internal}, {@code host.containers.internal};
 * IP {@code 127.0.0.1}, {@code ::1};</li>
 * <li>the ASP.NET Core marker extension {@value #OID}, non-critical, whose value is one
 * byte: the version;</li>
 * <li>Subject and Authority Key Identifiers (SHA-256 of the public key, first 160 bits),
 * as .NET adds them so that OpenSSL finds the right issuer.</li>
 * </ul>
 * A certificate of the same version that lacked some of these names would be picked by
 * .NET tooling as current, so the full version-{@value #CURRENT_VERSION} name set is
 * generated.
 */
public final class DevelopmentCertificate {

	/** The ASP.NET Core HTTPS development certificate marker extension. */
	public static final String OID = "1.3.6.1.4.1.311.84.1.1";

	/**
	 * The marker's friendly name; version-0 certificates carry it as the extension value.
	 */
	public static final String FRIENDLY_NAME = "ASP.NET Core HTTPS development certificate";

	/**
	 * The version generated, as ASP.NET Core's
	 * {@code CurrentAspNetCoreCertificateVersion}.
	 */
	public static final int CURRENT_VERSION = 6;

	/**
	 * The lowest version accepted at runtime, as ASP.NET Core's
	 * {@code CurrentMinimumAspNetCoreCertificateVersion}.
	 */
	public static final int MINIMUM_VERSION = 4;

	/** The subject of every development certificate. */
	public static final X500Principal SUBJECT = new X500Principal("CN=localhost");

	/** How long a generated certificate is valid. */
	public static final Duration VALIDITY = Duration.ofDays(365);

	/** The DNS names of the Subject Alternative Name extension. */
	public static final List<String> DNS_NAMES = List.of("localhost", "*.dev.localhost", "*.dev.internal",
			"host.docker.internal", "host.containers.internal");

	/** The IP addresses of the Subject Alternative Name extension. */
	public static final List<String> IP_ADDRESSES = List.of("127.0.0.1", "::1");

	private static final int KEY_SIZE = 2048;

	private static final ASN1ObjectIdentifier MARKER = new ASN1ObjectIdentifier(OID);

	private static final SecureRandom random = new SecureRandom();

	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	private DevelopmentCertificate() {
	}

	/**
	 * Generates a development certificate valid from now for {@link #VALIDITY}.
	 * @param clock the clock that gives "now"
	 * @return the certificate and its private key
	 * @throws DevelopmentCertificateException if the certificate cannot be generated
	 */
	public static GeneratedCertificate generate(Clock clock) {
		requireNonNull(clock, "clock");
		Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return generate(notBefore, notBefore.plus(VALIDITY), CURRENT_VERSION);
	}

	/**
	 * Generates a development certificate with the given validity and version (tests use
	 * this for expired and older certificates).
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @param version the marker version, 1-255
	 * @return the certificate and its private key
	 * @throws DevelopmentCertificateException if the certificate cannot be generated
	 */
	public static GeneratedCertificate generate(Instant notBefore, Instant notAfter, int version) {
		requireNonNull(notBefore, "notBefore");
		requireNonNull(notAfter, "notAfter");
		if (version < 1 || version > 255) {
			throw new IllegalArgumentException(String.format("version: %s (expected: 1-255)", version));
		}
		if (!notAfter.isAfter(notBefore)) {
			throw new IllegalArgumentException(String.format("notAfter: %s (expected: after %s)", notAfter, notBefore));
		}
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE, random);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name subject = X500Name.getInstance(SUBJECT.getEncoded());
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
					Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
			builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			builder.addExtension(Extension.subjectAlternativeName, true, subjectAlternativeNames());
			builder.addExtension(new Extension(MARKER, false, new byte[] { (byte) version }));
			byte[] keyIdentifier = keyIdentifier(keyPair);
			builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier));
			builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyIdentifier));
			X509Certificate certificate = new JcaX509CertificateConverter().setProvider(PROVIDER)
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(PROVIDER)
					.build(keyPair.getPrivate())));
			return new GeneratedCertificate(certificate, keyPair.getPrivate());
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new DevelopmentCertificateException(
					CertificateMessages.developmentCertificateCreationFailed(String.valueOf(ex.getMessage())), ex);
		}
	}

	/**
	 * Returns whether a certificate is a development certificate: it carries the marker
	 * extension and its subject is {@code CN=localhost}.
	 * @param certificate the certificate
	 * @return whether it is a development certificate
	 */
	public static boolean isDevelopmentCertificate(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		return hasMarker(certificate) && SUBJECT.equals(certificate.getSubjectX500Principal());
	}

	/**
	 * Returns whether a certificate carries the marker extension {@value #OID}, whatever
	 * its subject.
	 * @param certificate the certificate
	 * @return whether it carries the marker
	 */
	public static boolean hasMarker(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		return certificate.getExtensionValue(OID) != null;
	}

	/**
	 * Returns the version of a development certificate as ASP.NET Core reads it: the one
	 * byte of the marker extension, or 0 for an empty value or the friendly name (version
	 * 0).
	 * @param certificate the certificate
	 * @return the version, or -1 when the certificate carries no marker
	 */
	public static int version(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		byte[] extension = certificate.getExtensionValue(OID);
		if (extension == null) {
			return -1;
		}
		byte[] value;
		try {
			value = ASN1OctetString.getInstance(extension).getOctets();
		}
		catch (IllegalArgumentException ex) {
			return 0;
		}
		if (value.length == 0 || (value.length == FRIENDLY_NAME.length() && value[0] == 'A')) {
			return 0;
		}
		return value[0] & 0xFF;
	}

	private static GeneralNames subjectAlternativeNames() {
		GeneralName[] names = new GeneralName[DNS_NAMES.size() + IP_ADDRESSES.size()];
		int index = 0;
		for (String dnsName : DNS_NAMES) {
			names[index++] = new GeneralName(GeneralName.dNSName, dnsName);
		}
		for (String ipAddress : IP_ADDRESSES) {
			names[index++] = new GeneralName(GeneralName.iPAddress, ipAddress);
		}
		return new GeneralNames(names);
	}

	private static byte[] keyIdentifier(KeyPair keyPair) throws GeneralSecurityException {
		SubjectPublicKeyInfo publicKeyInfo = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKeyInfo.getPublicKeyData().getBytes());
		return Arrays.copyOf(digest, 20);
	}

	private static BigInteger serialNumber() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		bytes[0] &= 0x7F;
		bytes[0] |= 0x01;
		return new BigInteger(bytes);
	}

}
