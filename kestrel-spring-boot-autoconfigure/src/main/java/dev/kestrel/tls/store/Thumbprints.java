package dev.kestrel.tls.store;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.kestrel.tls.Thumbprint;

import static java.util.Objects.requireNonNull;

/**
 * Certificate thumbprints as .NET computes them: the SHA-1 hash of the DER encoding, in upper-case hexadecimal.
 */
public final class Thumbprints {

	private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");

	private Thumbprints() {
	}

	/**
	 * Returns the thumbprint of a certificate.
	 * @param certificate the certificate
	 * @return 40 upper-case hexadecimal digits
	 */
	public static String of(X509Certificate certificate) {
		return Thumbprint.of(certificate);
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
