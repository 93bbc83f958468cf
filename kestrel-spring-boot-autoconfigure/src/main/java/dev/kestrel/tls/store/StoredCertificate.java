package dev.kestrel.tls.store;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import static java.util.Objects.requireNonNull;

/**
 * A certificate read from (or written to) a {@link CertificateStore}. {@link #toString()} never shows the key.
 *
 * @param certificate the certificate
 * @param privateKey its private key, or {@code null} when the store holds the certificate alone
 * @param file the PKCS#12 file that holds it
 */
public record StoredCertificate(X509Certificate certificate, PrivateKey privateKey, Path file) {

	public StoredCertificate {
		requireNonNull(certificate, "certificate");
		requireNonNull(file, "file");
	}

	/** @return the SHA-1 thumbprint, upper-case hexadecimal, as .NET shows it */
	public String thumbprint() {
		return Thumbprints.of(this.certificate);
	}

	/** @return whether the store holds the private key too */
	public boolean hasPrivateKey() {
		return this.privateKey != null;
	}

	@Override
	public String toString() {
		return "StoredCertificate[" + thumbprint() + " " + this.certificate.getSubjectX500Principal().getName()
				+ ", privateKey=" + (hasPrivateKey() ? "present" : "absent") + ", file=" + this.file + "]";
	}

}
