package dev.kestrel.internal.tls.store;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import static java.util.Objects.requireNonNull;

/**
 * Decides whether a private key belongs to a certificate. One rule, for every algorithm:
 * <ol>
 * <li>When the public key can be derived from the private key, the key belongs to the
 * certificate exactly when the derived public key equals the certificate's: same key
 * algorithm and same key bits. Derived are RSA (modulus and public exponent of a CRT
 * key), EC ({@code d·G} on the key's curve), DSA ({@code g^x mod p}), Ed25519, Ed448,
 * X25519 and X448.</li>
 * <li>Otherwise (an RSA key without its public exponent, or an algorithm BouncyCastle
 * cannot derive) the key belongs to the certificate when a signature it makes over random
 * data verifies with the certificate's public key ({@code SHA256withRSA} for RSA, else
 * the signature algorithm named like the key algorithm).</li>
 * <li>A key for which neither is possible does not belong to the certificate: a key that
 * cannot be shown to match is refused.</li>
 * </ol>
 */
public final class CertificateKeyMatcher {

	private CertificateKeyMatcher() {
	}

	/**
	 * Returns whether a private key belongs to a certificate.
	 * @param certificate the certificate
	 * @param privateKey the private key
	 * @return whether they form a key pair
	 */
	public static boolean matches(X509Certificate certificate, PrivateKey privateKey) {
		requireNonNull(certificate, "certificate");
		requireNonNull(privateKey, "privateKey");
		AsymmetricKeyParameter derived = derivePublicKey(privateKey);
		if (derived != null) {
			return sameKey(derived, certificate);
		}
		return signatureVerifies(certificate, privateKey);
	}

	private static AsymmetricKeyParameter derivePublicKey(PrivateKey privateKey) {
		AsymmetricKeyParameter key;
		try {
			key = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(privateKey.getEncoded()));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		if (key instanceof RSAPrivateCrtKeyParameters rsa && rsa.getPublicExponent().signum() > 0) {
			return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
		}
		if (key instanceof ECPrivateKeyParameters ec) {
			return new ECPublicKeyParameters(
					new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize(),
					ec.getParameters());
		}
		if (key instanceof DSAPrivateKeyParameters dsa) {
			DSAParameters parameters = dsa.getParameters();
			BigInteger y = parameters.getG().modPow(dsa.getX(), parameters.getP());
			return new DSAPublicKeyParameters(y, parameters);
		}
		if (key instanceof Ed25519PrivateKeyParameters ed25519) {
			return ed25519.generatePublicKey();
		}
		if (key instanceof Ed448PrivateKeyParameters ed448) {
			return ed448.generatePublicKey();
		}
		if (key instanceof X25519PrivateKeyParameters x25519) {
			return x25519.generatePublicKey();
		}
		if (key instanceof X448PrivateKeyParameters x448) {
			return x448.generatePublicKey();
		}
		return null;
	}

	private static boolean sameKey(AsymmetricKeyParameter derived, X509Certificate certificate) {
		try {
			SubjectPublicKeyInfo expected = SubjectPublicKeyInfoFactory
				.createSubjectPublicKeyInfo(PublicKeyFactory.createKey(certificate.getPublicKey().getEncoded()));
			SubjectPublicKeyInfo actual = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(derived);
			return expected.getAlgorithm().getAlgorithm().equals(actual.getAlgorithm().getAlgorithm())
					&& expected.getPublicKeyData().equals(actual.getPublicKeyData());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean signatureVerifies(X509Certificate certificate, PrivateKey privateKey) {
		String algorithm = "RSA".equalsIgnoreCase(privateKey.getAlgorithm()) ? "SHA256withRSA"
				: privateKey.getAlgorithm();
		try {
			byte[] data = new byte[32];
			new SecureRandom().nextBytes(data);
			Signature signer = Signature.getInstance(algorithm);
			signer.initSign(privateKey);
			signer.update(data);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return false;
		}
	}

}
