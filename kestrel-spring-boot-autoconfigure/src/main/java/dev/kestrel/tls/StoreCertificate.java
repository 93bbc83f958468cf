package dev.kestrel.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A certificate found in a certificate store, with its private key when the store has one. {@link #toString()}
 * never shows the key.
 *
 * @param certificate the certificate
 * @param privateKey the private key, or {@code null} when the store holds the certificate only
 * @param intermediates the other certificates of the chain, leaf excluded (may be empty)
 */
public record StoreCertificate(X509Certificate certificate, PrivateKey privateKey,
		List<X509Certificate> intermediates) {

	public StoreCertificate {
		requireNonNull(certificate, "certificate");
		intermediates = List.copyOf(requireNonNull(intermediates, "intermediates"));
	}

	/**
	 * Creates an entry from a certificate with its key.
	 * @param certificate the certificate with its key and chain
	 * @return the entry
	 */
	public static StoreCertificate of(ServerCertificate certificate) {
		requireNonNull(certificate, "certificate");
		return new StoreCertificate(certificate.certificate(), certificate.privateKey(), certificate.intermediates());
	}

	/**
	 * Creates an entry for a certificate without a private key.
	 * @param certificate the certificate
	 * @return the entry
	 */
	public static StoreCertificate withoutPrivateKey(X509Certificate certificate) {
		return new StoreCertificate(certificate, null, List.of());
	}

	/** @return whether the store holds the private key */
	public boolean hasPrivateKey() {
		return this.privateKey != null;
	}

	/**
	 * Returns this entry as a server certificate.
	 * @return the certificate with its key
	 * @throws IllegalStateException if the entry has no private key
	 */
	public ServerCertificate toServerCertificate() {
		if (this.privateKey == null) {
			throw new IllegalStateException("certificate: " + Thumbprint.of(this.certificate)
					+ " (expected: a certificate with a private key)");
		}
		return new ServerCertificate(this.certificate, this.privateKey, this.intermediates);
	}

	@Override
	public String toString() {
		return "StoreCertificate[subject=" + this.certificate.getSubjectX500Principal().getName() + ", thumbprint="
				+ Thumbprint.of(this.certificate) + ", hasPrivateKey=" + hasPrivateKey() + "]";
	}

}
