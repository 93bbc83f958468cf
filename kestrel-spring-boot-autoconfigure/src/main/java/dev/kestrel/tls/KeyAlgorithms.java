package dev.kestrel.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Key algorithms the loader understands, and the conversion of a PKCS#8 structure to a JDK key. Whether a private key
 * belongs to a certificate is decided by {@link dev.kestrel.tls.store.CertificateKeyMatcher}.
 */
final class KeyAlgorithms {

	private KeyAlgorithms() {
	}

	/**
	 * Key families a server certificate may use.
	 */
	enum Family {

		RSA, EC, DSA, EDDSA

	}

	/**
	 * Returns the family of a key algorithm.
	 * @param oid the algorithm OID of a {@code SubjectPublicKeyInfo} or {@code PrivateKeyInfo}
	 * @return the family, or {@code null} when the algorithm is unknown
	 */
	static Family family(ASN1ObjectIdentifier oid) {
		if (PKCSObjectIdentifiers.rsaEncryption.equals(oid) || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
			return Family.RSA;
		}
		if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
			return Family.EC;
		}
		if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
			return Family.DSA;
		}
		if (EdECObjectIdentifiers.id_Ed25519.equals(oid) || EdECObjectIdentifiers.id_Ed448.equals(oid)) {
			return Family.EDDSA;
		}
		return null;
	}

	/**
	 * Returns the algorithm OID of a certificate's public key.
	 * @param certificate the certificate
	 * @return the OID
	 */
	static ASN1ObjectIdentifier publicKeyAlgorithm(X509Certificate certificate) {
		return SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()).getAlgorithm().getAlgorithm();
	}

	/**
	 * Converts a PKCS#8 structure to a key of the JDK's own providers (so that any TLS engine accepts it), falling
	 * back to the given provider for algorithms the JDK does not know.
	 * @param info the private key
	 * @param fallback the provider for other algorithms
	 * @return the key
	 * @throws GeneralSecurityException if the structure is not a valid key
	 * @throws IOException if the structure cannot be encoded
	 */
	static PrivateKey toPrivateKey(PrivateKeyInfo info, Provider fallback)
			throws GeneralSecurityException, IOException {
		String algorithm = jdkAlgorithm(info.getPrivateKeyAlgorithm().getAlgorithm());
		if (algorithm == null) {
			return new JcaPEMKeyConverter().setProvider(fallback).getPrivateKey(info);
		}
		return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
	}

	private static String jdkAlgorithm(ASN1ObjectIdentifier oid) {
		if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
			return "RSA";
		}
		if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
			return "RSASSA-PSS";
		}
		if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
			return "EC";
		}
		if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
			return "DSA";
		}
		if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
			return "Ed25519";
		}
		if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
			return "Ed448";
		}
		return null;
	}

}
