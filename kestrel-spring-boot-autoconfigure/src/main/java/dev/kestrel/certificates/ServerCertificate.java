package dev.kestrel.certificates;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import dev.kestrel.internal.tls.store.StoredCertificate;
import dev.kestrel.internal.tls.store.Thumbprints;

import static java.util.Objects.requireNonNull;

/**
 * A server certificate ready for TLS: the leaf certificate, its private key and the extra
 * certificates of the chain that are sent in the handshake. {@link #toString()} never
 * shows the key.
 *
 * @param certificate the leaf certificate
 * @param privateKey the private key of the leaf certificate
 * @param intermediates the other certificates of the chain, leaf excluded, nearest issuer
 * first (may be empty)
 */
public record ServerCertificate(X509Certificate certificate, PrivateKey privateKey,
		List<X509Certificate> intermediates) {

	public ServerCertificate {
		requireNonNull(certificate, "certificate");
		requireNonNull(privateKey, "privateKey");
		intermediates = List.copyOf(requireNonNull(intermediates, "intermediates"));
	}

	/**
	 * Creates a server certificate without intermediates.
	 * @param certificate the leaf certificate
	 * @param privateKey the private key of the leaf certificate
	 */
	public ServerCertificate(X509Certificate certificate, PrivateKey privateKey) {
		this(certificate, privateKey, List.of());
	}

	/**
	 * Creates a server certificate from a store entry.
	 * @param stored the store entry
	 * @return the entry's certificate with its key and chain
	 * @throws IllegalStateException if the store holds no private key for the certificate
	 */
	public static ServerCertificate of(StoredCertificate stored) {
		requireNonNull(stored, "stored");
		if (!stored.hasPrivateKey()) {
			throw new IllegalStateException(
					"certificate: " + stored.thumbprint() + " (expected: a certificate with a private key)");
		}
		return new ServerCertificate(stored.certificate(), stored.privateKey(), stored.intermediates());
	}

	/**
	 * Returns the chain to send in the handshake.
	 * @return the leaf followed by the intermediates
	 */
	public List<X509Certificate> chain() {
		List<X509Certificate> chain = new ArrayList<>(this.intermediates.size() + 1);
		chain.add(this.certificate);
		chain.addAll(this.intermediates);
		return List.copyOf(chain);
	}

	/**
	 * Returns the thumbprint of the leaf certificate.
	 * @return the SHA-1 thumbprint in upper-case hexadecimal
	 * @see Thumbprints#of(X509Certificate)
	 */
	public String thumbprint() {
		return Thumbprints.of(this.certificate);
	}

	@Override
	public String toString() {
		return "ServerCertificate[subject=" + this.certificate.getSubjectX500Principal().getName() + ", thumbprint="
				+ thumbprint() + ", notAfter=" + this.certificate.getNotAfter().toInstant() + ", keyAlgorithm="
				+ this.privateKey.getAlgorithm() + ", intermediates=" + this.intermediates.size() + "]";
	}

}
