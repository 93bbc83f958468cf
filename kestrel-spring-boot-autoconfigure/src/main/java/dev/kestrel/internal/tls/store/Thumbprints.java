package dev.kestrel.internal.tls.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Certificate thumbprints as .NET shows them: the SHA-1 digest of the DER encoding in
 * upper-case hexadecimal, without separators.
 */
public final class Thumbprints {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");

	private Thumbprints() {
	}

	/**
	 * Returns the thumbprint of a certificate.
	 * @param certificate the certificate
	 * @return 40 upper-case hexadecimal digits
	 */
	public static String of(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException(
					"Unable to compute the thumbprint of " + certificate.getSubjectX500Principal(), ex);
		}
	}

	/**
	 * Checks and normalises a thumbprint given by a user.
	 * @param thumbprint the thumbprint, in any case
	 * @return the thumbprint in upper case
	 * @throws IllegalArgumentException when it is not 40 hexadecimal digits
	 */
	public static String normalize(String thumbprint) {
		requireNonNull(thumbprint, "thumbprint");
		if (!THUMBPRINT.matcher(thumbprint).matches()) {
			throw new IllegalArgumentException(
					String.format("thumbprint: %s (expected: 40 hexadecimal digits)", thumbprint));
		}
		return thumbprint.toUpperCase(Locale.ROOT);
	}

}
