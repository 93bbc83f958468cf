package dev.kestrel.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads the first private key of a PEM file: PKCS#8 {@code PRIVATE KEY} and
 * {@code ENCRYPTED PRIVATE KEY} (PBES2 with PBKDF2 or scrypt, PBES1, PKCS#12 PBE), PKCS#1
 * {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY} (with or without a preceding
 * {@code EC PARAMETERS} block, or without any curve when the caller knows it),
 * {@code DSA PRIVATE KEY}, and the legacy OpenSSL {@code Proc-Type: 4,ENCRYPTED} forms of
 * the last three. Other blocks (certificates) are skipped.
 */
final class PemKeyReader {

	private final Provider provider;

	PemKeyReader(Provider provider) {
		this.provider = provider;
	}

	/**
	 * Reads the first private key.
	 * @param content the file content
	 * @param password the password, or {@code null}/empty when none is configured
	 * @param defaultEcParameters the curve of an {@code EC PRIVATE KEY} that names none
	 * and follows no {@code EC PARAMETERS} block (the certificate's curve), or
	 * {@code null}
	 * @return the key
	 * @throws PemKeyException if no private key can be read
	 */
	PrivateKeyInfo read(byte[] content, char[] password, ASN1Encodable defaultEcParameters) throws PemKeyException {
		ASN1Encodable ecParameters = defaultEcParameters;
		boolean publicKeyFound = false;
		for (PemObject object : readPemObjects(content)) {
			switch (object.getType()) {
				case "EC PARAMETERS" -> ecParameters = parse(object.getContent());
				case "PRIVATE KEY" -> {
					return privateKeyInfo(object.getContent());
				}
				case "ENCRYPTED PRIVATE KEY" -> {
					return decryptPkcs8(object.getContent(), password);
				}
				case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> {
					return withEcParameters(readTraditional(object, password), ecParameters);
				}
				case "PUBLIC KEY", "RSA PUBLIC KEY" -> publicKeyFound = true;
				default -> {
				}
			}
		}
		throw new PemKeyException(publicKeyFound ? Reason.PUBLIC_KEY : Reason.NO_PRIVATE_KEY, null, null);
	}

	private static List<PemObject> readPemObjects(byte[] content) throws PemKeyException {
		List<PemObject> objects = new ArrayList<>();
		try (PemReader reader = new PemReader(
				new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.ISO_8859_1))) {
			PemObject object;
			while ((object = reader.readPemObject()) != null) {
				objects.add(object);
			}
			return objects;
		}
		catch (IOException | RuntimeException ex) {
			throw new PemKeyException(Reason.MALFORMED, null, ex);
		}
	}

	private static ASN1Encodable parse(byte[] der) throws PemKeyException {
		try {
			return ASN1Primitive.fromByteArray(der);
		}
		catch (IOException | RuntimeException ex) {
			throw new PemKeyException(Reason.MALFORMED, null, ex);
		}
	}

	private static PrivateKeyInfo privateKeyInfo(byte[] der) throws PemKeyException {
		try {
			return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
		}
		catch (IOException | RuntimeException ex) {
			throw new PemKeyException(Reason.MALFORMED, null, ex);
		}
	}

	private PrivateKeyInfo decryptPkcs8(byte[] der, char[] password) throws PemKeyException {
		PKCS8EncryptedPrivateKeyInfo encrypted;
		try {
			encrypted = new PKCS8EncryptedPrivateKeyInfo(der);
		}
		catch (IOException | RuntimeException ex) {
			throw new PemKeyException(Reason.MALFORMED, null, ex);
		}
		requirePassword(password);
		String algorithm = encrypted.getEncryptionAlgorithm().getAlgorithm().getId();
		try {
			InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(this.provider)
				.build(password);
			return encrypted.decryptPrivateKeyInfo(decryptor);
		}
		catch (OperatorCreationException ex) {
			throw new PemKeyException(Reason.UNSUPPORTED_ENCRYPTION, algorithm, ex);
		}
		catch (PKCSException | RuntimeException ex) {
			throw decryptionFailure(ex, algorithm);
		}
	}

	private PrivateKeyInfo readTraditional(PemObject object, char[] password) throws PemKeyException {
		Object parsed = parseWithPemParser(object);
		try {
			if (parsed instanceof PEMEncryptedKeyPair encrypted) {
				requirePassword(password);
				return encrypted
					.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(this.provider).build(password))
					.getPrivateKeyInfo();
			}
			if (parsed instanceof PEMKeyPair keyPair) {
				return keyPair.getPrivateKeyInfo();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw decryptionFailure(ex, dekAlgorithm(object));
		}
		throw new PemKeyException(Reason.MALFORMED, null, null);
	}

	private static Object parseWithPemParser(PemObject object) throws PemKeyException {
		try {
			StringWriter pem = new StringWriter();
			try (PemWriter writer = new PemWriter(pem)) {
				writer.writeObject(object);
			}
			try (PEMParser parser = new PEMParser(new StringReader(pem.toString()))) {
				return parser.readObject();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new PemKeyException(Reason.MALFORMED, null, ex);
		}
	}

	private static String dekAlgorithm(PemObject object) {
		for (Object header : object.getHeaders()) {
			if (header instanceof PemHeader pemHeader && "DEK-Info".equals(pemHeader.getName())) {
				String value = pemHeader.getValue();
				int comma = value.indexOf(',');
				return (comma >= 0) ? value.substring(0, comma) : value;
			}
		}
		return "unknown";
	}

	private static PrivateKeyInfo withEcParameters(PrivateKeyInfo info, ASN1Encodable ecParameters) {
		AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
		if (ecParameters == null || !X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
				|| algorithm.getParameters() != null) {
			return info;
		}
		try {
			return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ecParameters),
					info.parsePrivateKey());
		}
		catch (IOException ex) {
			return info;
		}
	}

	private static void requirePassword(char[] password) throws PemKeyException {
		if (password == null || password.length == 0) {
			throw new PemKeyException(Reason.PASSWORD_MISSING, null, null);
		}
	}

	private static PemKeyException decryptionFailure(Exception ex, String algorithm) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OperatorCreationException) {
				return new PemKeyException(Reason.UNSUPPORTED_ENCRYPTION, algorithm, ex);
			}
		}
		return new PemKeyException(Reason.PASSWORD_INCORRECT, null, ex);
	}

	/**
	 * Why no private key could be read.
	 */
	enum Reason {

		/** The file holds no private key. */
		NO_PRIVATE_KEY,

		/** The file holds a public key but no private key. */
		PUBLIC_KEY,

		/** The file is not valid PEM, or a key block is not a valid key. */
		MALFORMED,

		/** The key is encrypted and no password is configured. */
		PASSWORD_MISSING,

		/** The key could not be decrypted with the password. */
		PASSWORD_INCORRECT,

		/** The key is encrypted with an algorithm that is not available. */
		UNSUPPORTED_ENCRYPTION

	}

	/**
	 * A private key that cannot be read, with the reason. Never carries the password.
	 */
	static final class PemKeyException extends Exception {

		private final Reason reason;

		private final String algorithm;

		PemKeyException(Reason reason, String algorithm, Throwable cause) {
			super(reason.name(), cause);
			this.reason = reason;
			this.algorithm = algorithm;
		}

		Reason reason() {
			return this.reason;
		}

		String algorithm() {
			return this.algorithm;
		}

	}

}
