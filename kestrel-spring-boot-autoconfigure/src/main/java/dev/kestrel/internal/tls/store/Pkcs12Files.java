package dev.kestrel.internal.tls.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

import static java.util.Objects.requireNonNull;

/**
 * Encodes and decodes PKCS#12 (PFX) files: the files of a {@link CertificateStore},
 * exported certificates, and the {@code Certificate.Path} files of the configuration,
 * which are all read by {@link #decode(byte[], char[])}.
 * <p>
 * <b>Without a password</b> (store files) the file is written the way .NET writes its
 * store files on Linux: the key in a PKCS#8 shrouded bag encrypted with
 * {@code pbeWithSHAAnd3-KeyTripleDES-CBC} and the MAC keyed, both with the PKCS#12 "null"
 * password (zero bytes). The certificate bag is not encrypted. .NET, OpenSSL
 * ({@code -passin pass:}), BouncyCastle and the JDK
 * ({@code KeyStore.getInstance("PKCS12")} with an empty password) all read it.
 * <p>
 * <b>With a password</b> (exports) the key and the certificates are encrypted with PBES2
 * (PBKDF2-HMAC-SHA256, AES-256-CBC) and the MAC is HMAC-SHA256, as OpenSSL 3 and the JDK
 * write them.
 * <p>
 * Reading accepts both the "null" (zero bytes) and the "empty" (a two-byte terminator)
 * form of an empty password, as .NET does, every algorithm the JDK or BouncyCastle knows,
 * and plain DER or PEM certificates (see {@link #decode(byte[], char[])}).
 */
public final class Pkcs12Files {

	private static final int STORE_ITERATIONS = 2000;

	private static final int EXPORT_ITERATIONS = 10_000;

	/**
	 * The JDK's "trusted key usage" bag attribute that makes a certificate without a key
	 * visible to the JDK.
	 */
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
	 * @param password the password, or {@code null} (or empty) for a store file without a
	 * password
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
	 * Returns whether content is a PKCS#12 (PFX) structure, whatever its password and
	 * algorithms.
	 * @param data the file content
	 * @return whether it is a PKCS#12 file
	 */
	public static boolean isPkcs12(byte[] data) {
		requireNonNull(data, "data");
		try {
			new PKCS12PfxPdu(data);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Decodes a PKCS#12 file, or a DER or PEM certificate. This is the one PKCS#12 reader
	 * of the starter: store files and {@code Certificate.Path} files are read alike.
	 * <ul>
	 * <li>A {@code null} password is the empty password; both encodings of the empty
	 * password (the PKCS#12 "null" password of zero bytes, as .NET writes it, and the
	 * "empty" one of a two-byte terminator, as OpenSSL writes it) are accepted.</li>
	 * <li>The file is read by the JDK first and, when the JDK cannot read it or finds no
	 * private key in it, by BouncyCastle: so legacy files (RC2, RC4, 2-key and 3-key
	 * 3DES), PBES2 with AES, 3DES or Camellia, files without a MAC, unencrypted key bags
	 * and non-ASCII passwords are all read.</li>
	 * <li>The result is the first entry with a private key and its certificate chain,
	 * leaf first; without one, the first certificate without a key. Keys are converted to
	 * the JDK's own key classes.</li>
	 * </ul>
	 * @param data the file content
	 * @param password the password, or {@code null} for none
	 * @return the certificate, its chain and, when the file holds one, its private key
	 * @throws DecodeException if the content is not a readable certificate (wrong
	 * password, corrupt file)
	 */
	public static Decoded decode(byte[] data, char[] password) throws DecodeException {
		requireNonNull(data, "data");
		if (!isPkcs12(data)) {
			return plainCertificate(data);
		}
		char[] effective = (password != null) ? password : NO_PASSWORD;
		Attempt jdk = Attempt.read(null, data, effective);
		if (jdk.hasPrivateKey()) {
			return jdk.decoded();
		}
		Attempt bouncyCastle = Attempt.read(BOUNCY_CASTLE, data, effective);
		if (bouncyCastle.hasPrivateKey()) {
			return bouncyCastle.decoded();
		}
		Decoded certificateOnly = (jdk.decoded() != null) ? jdk.decoded() : bouncyCastle.decoded();
		if (certificateOnly != null) {
			return certificateOnly;
		}
		if (jdk.failure() == null || bouncyCastle.failure() == null) {
			throw new DecodeException(DecodeException.Reason.NO_CERTIFICATE, null);
		}
		DecodeException.Reason reason = wrongPassword(data, effective, jdk.failure())
				? DecodeException.Reason.WRONG_PASSWORD : DecodeException.Reason.MALFORMED;
		throw new DecodeException(reason, jdk.failure());
	}

	private static Decoded plainCertificate(byte[] data) throws DecodeException {
		try {
			return new Decoded(jdkCertificate(data), null, List.of());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new DecodeException(DecodeException.Reason.MALFORMED, ex);
		}
	}

	/**
	 * Whether a failure to read the file is a wrong password: the MAC decides when it can
	 * (a MAC and a non-empty password); otherwise the JDK's verdict
	 * ({@link UnrecoverableKeyException}) does.
	 */
	private static boolean wrongPassword(byte[] data, char[] password, Exception jdkFailure) {
		Optional<Boolean> macValid = macValid(data, password);
		if (macValid.isPresent()) {
			return !macValid.get();
		}
		for (Throwable cause = jdkFailure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnrecoverableKeyException) {
				return true;
			}
		}
		return false;
	}

	private static Optional<Boolean> macValid(byte[] data, char[] password) {
		if (password.length == 0) {
			// the empty password has two encodings; BouncyCastle's check knows one, the
			// JDK tries both
			return Optional.empty();
		}
		try {
			PKCS12PfxPdu pfx = new PKCS12PfxPdu(data);
			return pfx.hasMac()
					? Optional.of(pfx.isMacValid(
							new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), password))
					: Optional.empty();
		}
		catch (IOException | PKCSException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static X509Certificate jdkCertificate(byte[] encoded) throws CertificateException {
		if (CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(encoded)) instanceof X509Certificate certificate) {
			return certificate;
		}
		throw new CertificateException("not an X.509 certificate");
	}

	private static PrivateKey jdkKey(PrivateKey key) {
		try {
			return KeyAlgorithms.toPrivateKey(PrivateKeyInfo.getInstance(key.getEncoded()), BOUNCY_CASTLE);
		}
		catch (GeneralSecurityException | IOException | RuntimeException ex) {
			return key;
		}
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
	 * A decoded file: a certificate, the rest of its chain and, optionally, its private
	 * key. {@link #toString()} never shows the key.
	 *
	 * @param certificate the certificate
	 * @param privateKey the private key, or {@code null}
	 * @param intermediates the other certificates of the chain, leaf excluded, nearest
	 * issuer first (may be empty)
	 */
	public record Decoded(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> intermediates) {

		public Decoded {
			requireNonNull(certificate, "certificate");
			intermediates = List.copyOf(requireNonNull(intermediates, "intermediates"));
		}

		/**
		 * @return whether the file holds the private key
		 */
		public boolean hasPrivateKey() {
			return this.privateKey != null;
		}

		@Override
		public String toString() {
			return "Decoded[" + this.certificate.getSubjectX500Principal().getName() + ", privateKey="
					+ (hasPrivateKey() ? "present" : "absent") + ", intermediates=" + this.intermediates.size() + "]";
		}

	}

	/**
	 * Thrown when a file is not a readable PKCS#12 file or certificate. The message never
	 * contains the password.
	 */
	public static final class DecodeException extends GeneralSecurityException {

		private final Reason reason;

		DecodeException(Reason reason, Throwable cause) {
			super(reason.description, cause);
			this.reason = reason;
		}

		/**
		 * @return why the file cannot be read
		 */
		public Reason reason() {
			return this.reason;
		}

		/**
		 * Why a file cannot be read.
		 */
		public enum Reason {

			/** The password does not open the file. */
			WRONG_PASSWORD("the password is incorrect"),

			/** The file opens but holds no certificate that can be read. */
			NO_CERTIFICATE("it holds no readable certificate"),

			/** The content is neither a readable PKCS#12 file nor a certificate. */
			MALFORMED("it is not a readable PKCS#12 file or certificate");

			private final String description;

			Reason(String description) {
				this.description = description;
			}

		}

	}

	/**
	 * One keystore implementation's reading of a file: what it found, or why it failed.
	 */
	private record Attempt(Decoded decoded, Exception failure) {

		/**
		 * Reads a file with the {@code PKCS12} keystore of a provider.
		 * @param provider the provider, or {@code null} for the JDK's
		 * @param data the file content
		 * @param password the password
		 * @return what was found (nothing when the file opens but holds no certificate),
		 * or the failure
		 */
		static Attempt read(Provider provider, byte[] data, char[] password) {
			try {
				KeyStore keyStore = (provider != null) ? KeyStore.getInstance("PKCS12", provider)
						: KeyStore.getInstance("PKCS12");
				keyStore.load(new ByteArrayInputStream(data), password);
				return new Attempt(firstEntry(keyStore, password), null);
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				return new Attempt(null, ex);
			}
		}

		private static Decoded firstEntry(KeyStore keyStore, char[] password) throws GeneralSecurityException {
			Decoded certificateOnly = null;
			for (String alias : Collections.list(keyStore.aliases())) {
				Certificate[] chain = keyStore.isKeyEntry(alias) ? keyStore.getCertificateChain(alias) : null;
				if (chain != null && chain.length > 0 && keyStore.getKey(alias, password) instanceof PrivateKey key) {
					List<X509Certificate> certificates = new ArrayList<>();
					for (Certificate each : chain) {
						certificates.add(jdkCertificate(each.getEncoded()));
					}
					return new Decoded(certificates.get(0), jdkKey(key), certificates.subList(1, certificates.size()));
				}
				if (certificateOnly == null && keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
					certificateOnly = new Decoded(jdkCertificate(certificate.getEncoded()), null, List.of());
				}
			}
			return certificateOnly;
		}

		boolean hasPrivateKey() {
			return this.decoded != null && this.decoded.hasPrivateKey();
		}

	}

}
