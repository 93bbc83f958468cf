package dev.kestrel.autoconfigure.actuate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The public facts of a certificate, as the {@code kestrel} endpoint shows them: never
 * its key, password or file.
 *
 * @param subject the subject's distinguished name
 * @param issuer the issuer's distinguished name
 * @param subjectAlternativeNames {@code DNS:name} and {@code IP:address} entries
 * @param serialNumber the serial number in hexadecimal
 * @param thumbprintSha256 the SHA-256 digest of the encoded certificate, upper-case
 * hexadecimal
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 */
public record CertificateDescriptor(String subject, String issuer, List<String> subjectAlternativeNames,
		String serialNumber, String thumbprintSha256, Instant notBefore, Instant notAfter) {

	private static final int DNS_NAME = 2;

	private static final int IP_ADDRESS = 7;

	/**
	 * @param certificate a certificate
	 * @return its descriptor
	 */
	public static CertificateDescriptor of(X509Certificate certificate) {
		return new CertificateDescriptor(certificate.getSubjectX500Principal().getName(),
				certificate.getIssuerX500Principal().getName(), alternativeNames(certificate),
				certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT), sha256(certificate),
				certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
	}

	private static List<String> alternativeNames(X509Certificate certificate) {
		Collection<List<?>> names;
		try {
			names = certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException ex) {
			return List.of();
		}
		List<String> result = new ArrayList<>();
		if (names != null) {
			for (List<?> name : names) {
				if (name.size() == 2 && name.get(0) instanceof Integer type && name.get(1) instanceof String value) {
					if (type == DNS_NAME) {
						result.add("DNS:" + value);
					}
					else if (type == IP_ADDRESS) {
						result.add("IP:" + value);
					}
				}
			}
		}
		return List.copyOf(result);
	}

	private static String sha256(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return HexFormat.of().withUpperCase().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			return "";
		}
	}

}
