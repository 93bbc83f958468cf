package dev.kestrel.internal.tls.store;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The key algorithms a server certificate may use, and the conversion of a PKCS#8
 * structure to a key of the JDK's own providers.
 */
public final class KeyAlgorithms {

	private static final Map<ASN1ObjectIdentifier, Family> FAMILIES = Map.of(PKCSObjectIdentifiers.rsaEncryption,
			Family.RSA, PKCSObjectIdentifiers.id_RSASSA_PSS, Family.RSA, X9ObjectIdentifiers.id_ecPublicKey, Family.EC,
			X9ObjectIdentifiers.id_dsa, Family.DSA, EdECObjectIdentifiers.id_Ed25519, Family.EDDSA,
			EdECObjectIdentifiers.id_Ed448, Family.EDDSA);

	/** The names of the JDK's {@link KeyFactory} algorithms, by key algorithm OID. */
	private static final Map<ASN1ObjectIdentifier, String> JDK_ALGORITHMS = Map.of(PKCSObjectIdentifiers.rsaEncryption,
			"RSA", PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS", X9ObjectIdentifiers.id_ecPublicKey, "EC",
			X9ObjectIdentifiers.id_dsa, "DSA", EdECObjectIdentifiers.id_Ed25519, "Ed25519",
			EdECObjectIdentifiers.id_Ed448, "Ed448");

	private KeyAlgorithms() {
	}

	/**
	 * Key families a server certificate may use.
	 */
	public enum Family {

		/** RSA, including RSASSA-PSS keys. */
		RSA,

		/** Elliptic curve (ECDSA) keys. */
		EC,

		/** DSA keys. */
		DSA,

		/** Ed25519 and Ed448 keys. */
		EDDSA

	}

	/**
	 * Returns the family of a key algorithm.
	 * @param oid the algorithm OID of a {@code SubjectPublicKeyInfo} or
	 * {@code PrivateKeyInfo}
	 * @return the family, or {@code null} when the algorithm is unknown
	 */
	public static Family family(ASN1ObjectIdentifier oid) {
		return FAMILIES.get(oid);
	}

	/**
	 * Returns the algorithm OID of a certificate's public key.
	 * @param certificate the certificate
	 * @return the OID
	 */
	public static ASN1ObjectIdentifier publicKeyAlgorithm(X509Certificate certificate) {
		return SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()).getAlgorithm().getAlgorithm();
	}

	/**
	 * Converts a PKCS#8 structure to a key of the JDK's own providers (so that any TLS
	 * engine accepts it), falling back to the given provider for algorithms the JDK does
	 * not know.
	 * @param info the private key
	 * @param fallback the provider for other algorithms
	 * @return the key
	 * @throws GeneralSecurityException if the structure is not a valid key
	 * @throws IOException if the structure cannot be encoded
	 */
	public static PrivateKey toPrivateKey(PrivateKeyInfo info, Provider fallback)
			throws GeneralSecurityException, IOException {
		String algorithm = JDK_ALGORITHMS.get(info.getPrivateKeyAlgorithm().getAlgorithm());
		if (algorithm == null) {
			return new JcaPEMKeyConverter().setProvider(fallback).getPrivateKey(info);
		}
		return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
	}

}
