package dev.kestrel.tls.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

import static java.util.Objects.requireNonNull;

/**
 * Encodes and decodes the PKCS#12 (PFX) files of a {@link CertificateStore} and of exported certificates.
 * <p>
 * <b>Without a password</b> (store files) the file is written the way .NET writes its store files on Linux: the key
 * in a PKCS#8 shrouded bag encrypted with {@code pbeWithSHAAnd3-KeyTripleDES-CBC} and the MAC keyed, both with the
 * PKCS#12 "null" password (zero bytes). The certificate bag is not encrypted. .NET, OpenSSL ({@code -passin pass:}),
 * BouncyCastle and the JDK ({@code KeyStore.getInstance("PKCS12")} with an empty password) all read it.
 * <p>
 * <b>With a password</b> (exports) the key and the certificates are encrypted with PBES2 (PBKDF2-HMAC-SHA256,
 * AES-256-CBC) and the MAC is HMAC-SHA256, as OpenSSL 3 and the JDK write them.
 * <p>
 * Reading accepts both the "null" (zero bytes) and the "empty" (a two-byte terminator) form of an empty password, as
 * .NET does, and plain DER or PEM certificates.
 */
public final class Pkcs12Files {

	private static final int STORE_ITERATIONS = 2000;

	private static final int EXPORT_ITERATIONS = 10_000;

	/** The JDK's "trusted key usage" bag attribute that makes a certificate without a key visible to the JDK. */
	private static final ASN1ObjectIdentifier ORACLE_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier(
			"2.16.840.1.113894.746875.1.1");

	private static final char[] NO_PASSWORD = new char[0];

	private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

	private Pkcs12Files() {
	}

	/**
	 * Encodes a certificate and, optionally, its private key as a PKCS#12 file.
	 * @param certificate the certificate
	 * @param privateKey the private key, or {@code null} for a certificate-only file
	 * @param password the password, or {@code null} (or empty) for a store file without a password
	 * @return the encoded file
	 * @throws GeneralSecurityException if the certificate or key cannot be encoded
	 */
	public static byte[] encode(X509Certificate certificate, PrivateKey privateKey, char[] password)
			throws GeneralSecurityException {
		requireNonNull(certificate, "certificate");
		boolean protect = password != null && password.length > 0;
		try {
			byte[] localKeyId = MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
			PKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(certificate);
			certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId));
			if (privateKey == null) {
				certificateBag.addBagAttribute(ORACLE_TRUSTED_KEY_USAGE, KeyPurposeId.anyExtendedKeyUsage.toOID());
			}
			PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
			if (protect) {
				pfx.addEncryptedData(pbes2(password), certificateBag.build());
			}
			else {
				pfx.addData(certificateBag.build());
			}
			if (privateKey != null) {
				OutputEncryptor keyEncryptor = protect ? pbes2(password) : nullPasswordTripleDes();
				PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(privateKey, keyEncryptor);
				keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId));
				pfx.addData(keyBag.build());
			}
			PKCS12PfxPdu pdu = protect
					? pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
						.setIterationCount(EXPORT_ITERATIONS)
						.setProvider(BOUNCY_CASTLE), password)
					: pfx.build(new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
							new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
						.setIterationCount(STORE_ITERATIONS), NO_PASSWORD);
			return pdu.getEncoded();
		}
		catch (IOException | OperatorCreationException | PKCSException ex) {
			throw new GeneralSecurityException(ex.getMessage(), ex);
		}
	}

	/**
	 * Decodes a PKCS#12 file, or a DER or PEM certificate.
	 * @param data the file content
	 * @param password the password, or {@code null} for none
	 * @return the certificate and, when the file holds one, its private key
	 * @throws GeneralSecurityException if the content is not a readable certificate (wrong password, corrupt file)
	 */
	public static Decoded decode(byte[] data, char[] password) throws GeneralSecurityException {
		requireNonNull(data, "data");
		char[] effective = (password != null) ? password : NO_PASSWORD;
		GeneralSecurityException failure;
		try {
			Decoded decoded = decodeKeyStore(KeyStore.getInstance("PKCS12"), data, effective);
			if (decoded != null) {
				return decoded;
			}
			failure = new GeneralSecurityException("The PKCS#12 file holds no certificate.");
		}
		catch (IOException | GeneralSecurityException ex) {
			failure = new GeneralSecurityException(describe(ex), ex);
		}
		try {
			// BouncyCastle also accepts the "empty" form for 3DES and lists certificates without a key.
			Decoded decoded = decodeKeyStore(KeyStore.getInstance("PKCS12", BOUNCY_CASTLE), data,
					effective);
			if (decoded != null) {
				return decoded;
			}
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			// keep the first failure: it names the problem with the JDK's wording
		}
		try {
			Certificate certificate = CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(data));
			if (certificate instanceof X509Certificate x509) {
				return new Decoded(x509, null);
			}
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// not a plain certificate either
		}
		throw failure;
	}

	private static Decoded decodeKeyStore(KeyStore keyStore, byte[] data, char[] password)
			throws IOException, GeneralSecurityException {
		keyStore.load(new ByteArrayInputStream(data), password);
		X509Certificate certificateOnly = null;
		for (String alias : Collections.list(keyStore.aliases())) {
			Certificate certificate = keyStore.getCertificate(alias);
			if (!(certificate instanceof X509Certificate x509)) {
				continue;
			}
			if (keyStore.isKeyEntry(alias)) {
				return new Decoded(x509, (PrivateKey) keyStore.getKey(alias, password));
			}
			if (certificateOnly == null) {
				certificateOnly = x509;
			}
		}
		return (certificateOnly != null) ? new Decoded(certificateOnly, null) : null;
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

	private static OutputEncryptor pbes2(char[] password) throws OperatorCreationException {
		return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
			.setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
			.setIterationCount(EXPORT_ITERATIONS)
			.setProvider(BOUNCY_CASTLE)
			.build(password);
	}

	private static OutputEncryptor nullPasswordTripleDes() {
		return new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
				CBCBlockCipher.newInstance(new DESedeEngine()))
			.setIterationCount(STORE_ITERATIONS)
			.build(NO_PASSWORD);
	}

	/**
	 * A decoded file: a certificate and, optionally, its private key.
	 *
	 * @param certificate the certificate
	 * @param privateKey the private key, or {@code null}
	 */
	public record Decoded(X509Certificate certificate, PrivateKey privateKey) {

		public Decoded {
			requireNonNull(certificate, "certificate");
		}

		@Override
		public String toString() {
			return "Decoded[" + this.certificate.getSubjectX500Principal().getName() + ", privateKey="
					+ ((this.privateKey != null) ? "present" : "absent") + "]";
		}

	}

}
