package dev.kestrel.internal.tls.store;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An entry of a {@link CertificateStore}: the certificate one store file holds, with the
 * rest of its chain and its private key when the file has them. {@link #toString()} never
 * shows the key.
 *
 * @param certificate the certificate
 * @param privateKey its private key, or {@code null} when the store holds the certificate
 * alone
 * @param intermediates the other certificates of the chain in the file, leaf excluded,
 * nearest issuer first (may be empty)
 * @param file the PKCS#12 file that holds it
 */
public record StoredCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> intermediates,
		Path file) {

	public StoredCertificate {
		requireNonNull(certificate, "certificate");
		intermediates = List.copyOf(requireNonNull(intermediates, "intermediates"));
		requireNonNull(file, "file");
	}

	/**
	 * Creates an entry for a certificate without intermediates.
	 * @param certificate the certificate
	 * @param privateKey its private key, or {@code null}
	 * @param file the PKCS#12 file that holds it
	 */
	public StoredCertificate(X509Certificate certificate, PrivateKey privateKey, Path file) {
		this(certificate, privateKey, List.of(), file);
	}

	/**
	 * @return the SHA-1 thumbprint, upper-case hexadecimal, as .NET shows it
	 */
	public String thumbprint() {
		return Thumbprints.of(this.certificate);
	}

	/**
	 * @return whether the store holds the private key too
	 */
	public boolean hasPrivateKey() {
		return this.privateKey != null;
	}

	@Override
	public String toString() {
		return "StoredCertificate[" + thumbprint() + " " + this.certificate.getSubjectX500Principal().getName()
				+ ", privateKey=" + (hasPrivateKey() ? "present" : "absent") + ", intermediates="
				+ this.intermediates.size() + ", file=" + this.file + "]";
	}

}
