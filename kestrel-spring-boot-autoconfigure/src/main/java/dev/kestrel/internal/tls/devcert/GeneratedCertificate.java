package dev.kestrel.internal.tls.devcert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import static java.util.Objects.requireNonNull;

/**
 * A newly generated certificate and its private key. {@link #toString()} never shows the
 * key.
 *
 * @param certificate the certificate
 * @param privateKey its private key
 */
public record GeneratedCertificate(X509Certificate certificate, PrivateKey privateKey) {

	public GeneratedCertificate {
		requireNonNull(certificate, "certificate");
		requireNonNull(privateKey, "privateKey");
	}

	@Override
	public String toString() {
		return "GeneratedCertificate[" + this.certificate.getSubjectX500Principal().getName() + ", notAfter="
				+ this.certificate.getNotAfter().toInstant() + "]";
	}

}
