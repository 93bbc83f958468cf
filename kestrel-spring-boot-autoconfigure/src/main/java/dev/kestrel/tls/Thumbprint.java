package dev.kestrel.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * The thumbprint of a certificate as .NET shows it: the SHA-1 digest of its DER encoding in upper-case hexadecimal,
 * without separators.
 */
public final class Thumbprint {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private Thumbprint() {
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

}
