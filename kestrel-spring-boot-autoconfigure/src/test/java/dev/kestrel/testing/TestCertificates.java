package dev.kestrel.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.util.ScryptConfig;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.MiscPEMGenerator;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.bouncycastle.util.io.pem.PemWriter;

import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.internal.tls.store.StoredCertificate;
import dev.kestrel.internal.tls.store.Thumbprints;

/**
 * Certificates and keys generated at test time, and writers for every file format the
 * starter reads. Never commit a generated key.
 *
 * <pre>
 * TestCertificate root = TestCertificates.ca("Test Root");
 * TestCertificate server = TestCertificates.certificate("localhost").ipAddresses("127.0.0.1").signedBy(root).build();
 * PemFiles files = server.writePem(dir);                                    // localhost.crt + localhost.key
 * Path pfx = TestCertificates.selfSigned("a.example.test").writePfx(dir, "secret");
 * Path key = server.writeKeyPem(dir, KeyFormat.PKCS8_ENCRYPTED_AES, "secret");
 * </pre>
 *
 * Defaults: EC P-256 key, SAN DNS entry equal to the common name (an IP SAN when the
 * common name is an IP address), Extended Key Usage Server Authentication, valid from one
 * day ago for one year, self-signed.
 */
public final class TestCertificates {

	private static final Provider PROVIDER = new BouncyCastleProvider();

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestCertificates() {
	}

	/**
	 * Starts a certificate.
	 * @param commonName the subject's CN
	 * @return a builder with the defaults
	 */
	public static Builder certificate(String commonName) {
		return new Builder(commonName);
	}

	/**
	 * Creates a self-signed server certificate with the defaults.
	 * @param commonName the subject's CN and SAN
	 * @return the certificate
	 */
	public static TestCertificate selfSigned(String commonName) {
		return certificate(commonName).build();
	}

	/**
	 * Creates a self-signed root certificate authority (no SAN, no EKU).
	 * @param commonName the subject's CN
	 * @return the authority
	 */
	public static TestCertificate ca(String commonName) {
		return certificate(commonName).certificateAuthority().build();
	}

	/**
	 * Creates a server certificate signed by an authority.
	 * @param commonName the subject's CN and SAN
	 * @param issuer the authority
	 * @return the certificate
	 */
	public static TestCertificate signedBy(String commonName, TestCertificate issuer) {
		return certificate(commonName).signedBy(issuer).build();
	}

	/**
	 * Creates a server certificate for host names, signed by an authority, with a file
	 * name of its own.
	 * @param issuer the authority
	 * @param commonName the subject's CN
	 * @param dnsNames the SAN host names
	 * @return the certificate
	 */
	public static TestCertificate host(TestCertificate issuer, String commonName, String... dnsNames) {
		return certificate(commonName).dnsNames(dnsNames)
			.signedBy(issuer)
			.fileName(commonName.replace("*", "star") + "-" + System.nanoTime())
			.build();
	}

	/**
	 * Writes a certificate and its key as PEM files and returns the properties that point
	 * a Kestrel {@code Certificate} section at them.
	 * @param prefix the section, e.g. {@code Kestrel.Endpoints.Https.Certificate}
	 * @param certificate the certificate
	 * @param directory where to write the files
	 * @return {@code <prefix>.Path=...} and {@code <prefix>.KeyPath=...}
	 */
	public static List<String> pemProperties(String prefix, TestCertificate certificate, Path directory) {
		PemFiles pem = certificate.writePem(directory);
		return List.of(prefix + ".Path=" + pem.certificate(), prefix + ".KeyPath=" + pem.key());
	}

	/** Key algorithms. */
	public enum KeyType {

		/** EC on P-256 (secp256r1). */
		EC_P256,

		/** RSA 2048. */
		RSA_2048,

		/** Ed25519. */
		ED25519

	}

	/** Extended key usages. */
	public enum Eku {

		SERVER_AUTH(KeyPurposeId.id_kp_serverAuth), CLIENT_AUTH(KeyPurposeId.id_kp_clientAuth),
		CODE_SIGNING(KeyPurposeId.id_kp_codeSigning);

		@SuppressWarnings("ImmutableEnumChecker") // BouncyCastle's KeyPurposeId constants
													// are never changed
		private final KeyPurposeId purpose;

		Eku(KeyPurposeId purpose) {
			this.purpose = purpose;
		}

	}

	/** PEM private key formats. */
	public enum KeyFormat {

		/** PKCS#8 {@code PRIVATE KEY}. */
		PKCS8("key", false),

		/**
		 * PKCS#8 {@code ENCRYPTED PRIVATE KEY}, PBES2 with PBKDF2-HMAC-SHA256 and
		 * AES-256-CBC (OpenSSL 3 default).
		 */
		PKCS8_AES("aes.key", true),

		/**
		 * PKCS#8 {@code ENCRYPTED PRIVATE KEY}, PBES2 with PBKDF2-HMAC-SHA1 and
		 * DES-EDE3-CBC.
		 */
		PKCS8_DES3("des3.key", true),

		/** PKCS#8 {@code ENCRYPTED PRIVATE KEY}, PBES2 with scrypt and AES-256-CBC. */
		PKCS8_SCRYPT("scrypt.key", true),

		/** PKCS#8 {@code ENCRYPTED PRIVATE KEY}, PBES1 {@code pbeWithMD5AndDES-CBC}. */
		PKCS8_PBES1("pbes1.key", true),

		/**
		 * PKCS#8 {@code ENCRYPTED PRIVATE KEY}, PKCS#12 PBE
		 * {@code pbeWithSHAAnd3-KeyTripleDES-CBC}.
		 */
		PKCS8_PKCS12_3DES("p12-3des.key", true),

		/**
		 * {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1), by key type.
		 */
		TRADITIONAL("traditional.key", false),

		/**
		 * {@code EC PARAMETERS} followed by {@code EC PRIVATE KEY}, as
		 * {@code openssl ecparam -genkey} writes.
		 */
		SEC1_WITH_EC_PARAMETERS("ecparams.key", false),

		/**
		 * {@code EC PARAMETERS} followed by an {@code EC PRIVATE KEY} that carries no
		 * curve of its own.
		 */
		SEC1_WITHOUT_CURVE("nocurve.key", false),

		/** Traditional key with OpenSSL's {@code Proc-Type: 4,ENCRYPTED}, AES-128-CBC. */
		LEGACY_AES("legacy-aes.key", true),

		/**
		 * Traditional key with OpenSSL's {@code Proc-Type: 4,ENCRYPTED}, DES-EDE3-CBC.
		 */
		LEGACY_DES3("legacy-des3.key", true);

		private final String suffix;

		private final boolean encrypted;

		KeyFormat(String suffix, boolean encrypted) {
			this.suffix = suffix;
			this.encrypted = encrypted;
		}

		/**
		 * @return whether the format needs a password
		 */
		public boolean isEncrypted() {
			return this.encrypted;
		}

		/**
		 * Returns whether the format can hold a key of the given type.
		 * @param keyType the key type
		 * @return whether {@link TestCertificate#writeKeyPem(Path, KeyFormat, String)}
		 * supports the combination
		 */
		public boolean supports(KeyType keyType) {
			return switch (this) {
				case TRADITIONAL, LEGACY_AES, LEGACY_DES3 -> keyType != KeyType.ED25519;
				case SEC1_WITH_EC_PARAMETERS, SEC1_WITHOUT_CURVE -> keyType == KeyType.EC_P256;
				default -> true;
			};
		}

	}

	/**
	 * The two files of a PEM certificate.
	 *
	 * @param certificate the certificate file (leaf, then intermediates)
	 * @param key the private key file
	 */
	public record PemFiles(Path certificate, Path key) {

	}

	/**
	 * Builds a certificate.
	 */
	public static final class Builder {

		private final String commonName;

		private String subject;

		private List<String> dnsNames;

		private List<String> ipAddresses = List.of();

		private List<Eku> usages = List.of(Eku.SERVER_AUTH);

		private Instant notBefore = Instant.now().minus(Duration.ofDays(1));

		private Instant notAfter = Instant.now().plus(Duration.ofDays(365));

		private KeyType keyType = KeyType.EC_P256;

		private TestCertificate issuer;

		private boolean certificateAuthority;

		private String fileName;

		private Builder(String commonName) {
			this.commonName = commonName;
			this.subject = "CN=" + commonName;
			boolean ip = commonName.matches("[0-9.]+") || commonName.contains(":");
			this.dnsNames = ip ? List.of() : List.of(commonName);
			this.ipAddresses = ip ? List.of(commonName) : List.of();
		}

		/**
		 * Replaces the subject distinguished name (the common name stays the default SAN
		 * and file name).
		 * @param distinguishedName e.g. {@code CN=localhost, O=Example, C=DE}
		 * @return this builder
		 */
		public Builder subject(String distinguishedName) {
			this.subject = distinguishedName;
			return this;
		}

		/**
		 * Replaces the SAN DNS names.
		 * @param dnsNames the names, e.g. {@code *.example.test}
		 * @return this builder
		 */
		public Builder dnsNames(String... dnsNames) {
			this.dnsNames = List.of(dnsNames);
			return this;
		}

		/**
		 * Adds SAN IP addresses.
		 * @param ipAddresses the addresses, e.g. {@code 127.0.0.1}, {@code ::1}
		 * @return this builder
		 */
		public Builder ipAddresses(String... ipAddresses) {
			List<String> all = new ArrayList<>(this.ipAddresses);
			all.addAll(List.of(ipAddresses));
			this.ipAddresses = List.copyOf(all);
			return this;
		}

		/**
		 * Leaves out the subjectAlternativeName extension.
		 * @return this builder
		 */
		public Builder noSubjectAlternativeName() {
			this.dnsNames = List.of();
			this.ipAddresses = List.of();
			return this;
		}

		/**
		 * Sets the Extended Key Usage extension; no argument leaves the extension out.
		 * @param usages the usages
		 * @return this builder
		 */
		public Builder extendedKeyUsage(Eku... usages) {
			this.usages = List.of(usages);
			return this;
		}

		/**
		 * Sets the validity period.
		 * @param notBefore the start
		 * @param notAfter the end
		 * @return this builder
		 */
		public Builder validity(Instant notBefore, Instant notAfter) {
			this.notBefore = notBefore;
			this.notAfter = notAfter;
			return this;
		}

		/**
		 * Makes the certificate expired: valid from 30 days ago until yesterday.
		 * @return this builder
		 */
		public Builder expired() {
			return validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));
		}

		/**
		 * Makes the certificate not yet valid: valid from tomorrow for 30 days.
		 * @return this builder
		 */
		public Builder notYetValid() {
			return validity(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(31)));
		}

		/**
		 * Sets the key type.
		 * @param keyType the key type
		 * @return this builder
		 */
		public Builder keyType(KeyType keyType) {
			this.keyType = keyType;
			return this;
		}

		/**
		 * Uses an RSA-2048 key.
		 * @return this builder
		 */
		public Builder rsa() {
			return keyType(KeyType.RSA_2048);
		}

		/**
		 * Makes the certificate a certificate authority: basic constraints CA, key usage
		 * certificate and CRL signing, no SAN and no EKU unless set afterwards.
		 * @return this builder
		 */
		public Builder certificateAuthority() {
			this.certificateAuthority = true;
			this.usages = List.of();
			return noSubjectAlternativeName();
		}

		/**
		 * Signs the certificate with an authority instead of its own key.
		 * @param issuer the authority
		 * @return this builder
		 */
		public Builder signedBy(TestCertificate issuer) {
			this.issuer = issuer;
			return this;
		}

		/**
		 * Sets the base name of written files (default: the common name, with unsafe
		 * characters replaced).
		 * @param fileName the base name
		 * @return this builder
		 */
		public Builder fileName(String fileName) {
			this.fileName = fileName;
			return this;
		}

		/**
		 * Generates the key and the certificate.
		 * @return the certificate
		 */
		public TestCertificate build() {
			try {
				KeyPair keyPair = generateKeyPair(this.keyType);
				X500Name subjectName = new X500Name(this.subject);
				X500Name issuerName = (this.issuer != null)
						? X500Name.getInstance(this.issuer.certificate().getSubjectX500Principal().getEncoded())
						: subjectName;
				PrivateKey signingKey = (this.issuer != null) ? this.issuer.privateKey() : keyPair.getPrivate();
				X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
						new BigInteger(96, RANDOM).add(BigInteger.ONE), Date.from(this.notBefore),
						Date.from(this.notAfter), subjectName, keyPair.getPublic());
				addExtensions(builder, keyPair.getPublic());
				X509Certificate certificate = toX509(
						builder.build(new JcaContentSignerBuilder(signatureAlgorithm(signingKey)).build(signingKey))
							.getEncoded());
				List<X509Certificate> issuers = new ArrayList<>();
				if (this.issuer != null) {
					issuers.add(this.issuer.certificate());
					issuers.addAll(this.issuer.issuers);
				}
				String name = (this.fileName != null) ? this.fileName
						: this.commonName.replaceAll("[^A-Za-z0-9._-]", "_");
				return new TestCertificate(certificate, keyPair.getPrivate(), issuers, this.keyType, name);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Unable to generate a test certificate for " + this.subject, ex);
			}
		}

		private void addExtensions(X509v3CertificateBuilder builder, PublicKey publicKey) throws Exception {
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
			if (this.issuer != null) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						utils.createAuthorityKeyIdentifier(this.issuer.certificate()));
			}
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(this.certificateAuthority));
			int keyUsage = this.certificateAuthority ? (KeyUsage.keyCertSign | KeyUsage.cRLSign)
					: (this.keyType == KeyType.RSA_2048) ? (KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
							: KeyUsage.digitalSignature;
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
			if (!this.usages.isEmpty()) {
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
						this.usages.stream().map((usage) -> usage.purpose).toArray(KeyPurposeId[]::new)));
			}
			List<GeneralName> names = new ArrayList<>();
			this.dnsNames.forEach((name) -> names.add(new GeneralName(GeneralName.dNSName, name)));
			for (String address : this.ipAddresses) {
				names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ipBytes(address))));
			}
			if (!names.isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(names.toArray(GeneralName[]::new)));
			}
		}

		private static byte[] ipBytes(String address) throws UnknownHostException {
			return InetAddress.getByName(address).getAddress();
		}

	}

	/**
	 * A generated certificate with its private key and issuers, and writers for every
	 * file format.
	 */
	public static final class TestCertificate {

		private final X509Certificate certificate;

		private final PrivateKey privateKey;

		private final List<X509Certificate> issuers;

		private final KeyType keyType;

		private final String name;

		private TestCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers,
				KeyType keyType, String name) {
			this.certificate = certificate;
			this.privateKey = privateKey;
			this.issuers = List.copyOf(issuers);
			this.keyType = keyType;
			this.name = name;
		}

		/**
		 * @return the certificate
		 */
		public X509Certificate certificate() {
			return this.certificate;
		}

		/**
		 * @return the private key
		 */
		public PrivateKey privateKey() {
			return this.privateKey;
		}

		/**
		 * @return the public key
		 */
		public PublicKey publicKey() {
			return this.certificate.getPublicKey();
		}

		/**
		 * @return the key type
		 */
		public KeyType keyType() {
			return this.keyType;
		}

		/**
		 * @return the base name of written files
		 */
		public String name() {
			return this.name;
		}

		/**
		 * Returns the issuers that a server sends: every issuer except a self-signed
		 * root.
		 * @return the intermediates, nearest first
		 */
		public List<X509Certificate> intermediates() {
			return this.issuers.stream()
				.filter((issuer) -> !issuer.getSubjectX500Principal().equals(issuer.getIssuerX500Principal()))
				.toList();
		}

		/**
		 * @return the leaf followed by {@link #intermediates()}
		 */
		public List<X509Certificate> chain() {
			List<X509Certificate> chain = new ArrayList<>();
			chain.add(this.certificate);
			chain.addAll(intermediates());
			return List.copyOf(chain);
		}

		/**
		 * @return the SHA-1 thumbprint in upper-case hexadecimal, as .NET shows it
		 */
		public String thumbprint() {
			return Thumbprints.of(this.certificate);
		}

		/**
		 * @return this certificate as the starter's {@link ServerCertificate}
		 */
		public ServerCertificate toServerCertificate() {
			return new ServerCertificate(this.certificate, this.privateKey, intermediates());
		}

		/**
		 * Returns this certificate as a certificate store entry, as if held by
		 * {@code <THUMBPRINT>.pfx}.
		 * @param withPrivateKey whether the store holds the private key too
		 * @return the entry, with the intermediates
		 */
		public StoredCertificate toStoredCertificate(boolean withPrivateKey) {
			return new StoredCertificate(this.certificate, withPrivateKey ? this.privateKey : null, intermediates(),
					Path.of(thumbprint() + ".pfx"));
		}

		/**
		 * Writes a PKCS#12 file with the key and chain, password-protected.
		 * @param directory the directory
		 * @param password the password; {@code null} or empty for a file without password
		 * @return {@code <name>.pfx}
		 */
		public Path writePfx(Path directory, String password) {
			try {
				char[] chars = (password != null) ? password.toCharArray() : new char[0];
				KeyStore keyStore = KeyStore.getInstance("PKCS12");
				keyStore.load(null, null);
				keyStore.setKeyEntry(this.name, this.privateKey, chars, chain().toArray(Certificate[]::new));
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				keyStore.store(out, chars);
				return write(directory.resolve(this.name + ".pfx"), out.toByteArray());
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Writes a PKCS#12 file without password.
		 * @param directory the directory
		 * @return {@code <name>.pfx}
		 */
		public Path writePfx(Path directory) {
			return writePfx(directory, null);
		}

		/**
		 * Writes the leaf and its intermediates as PEM.
		 * @param directory the directory
		 * @return {@code <name>.crt}
		 */
		public Path writeCertificatePem(Path directory) {
			List<PemObjectGenerator> objects = new ArrayList<>();
			for (X509Certificate each : chain()) {
				objects.add(() -> new PemObject("CERTIFICATE", encoded(each)));
			}
			return write(directory.resolve(this.name + ".crt"), pem(objects));
		}

		/**
		 * Writes the leaf as DER.
		 * @param directory the directory
		 * @return {@code <name>.der}
		 */
		public Path writeCertificateDer(Path directory) {
			return write(directory.resolve(this.name + ".der"), encoded(this.certificate));
		}

		/**
		 * Writes the private key as an unencrypted PKCS#8 PEM.
		 * @param directory the directory
		 * @return {@code <name>.key}
		 */
		public Path writeKeyPem(Path directory) {
			return writeKeyPem(directory, KeyFormat.PKCS8, null);
		}

		/**
		 * Writes the private key in a PEM format.
		 * @param directory the directory
		 * @param format the format
		 * @param password the password for encrypted formats, ignored otherwise
		 * @return {@code <name>.key} for {@link KeyFormat#PKCS8},
		 * {@code <name>.<format>.key} otherwise
		 */
		public Path writeKeyPem(Path directory, KeyFormat format, String password) {
			if (!format.supports(this.keyType)) {
				throw new IllegalArgumentException(
						"format: " + format + " (expected: a format for " + this.keyType + ")");
			}
			if (format.isEncrypted() && (password == null || password.isEmpty())) {
				throw new IllegalArgumentException("password: empty (expected: a password for " + format + ")");
			}
			String fileName = (format == KeyFormat.PKCS8) ? this.name + ".key" : this.name + "." + format.suffix;
			try {
				return write(directory.resolve(fileName),
						KeyWriter.write(this.privateKey, publicKey(), format, password));
			}
			catch (Exception ex) {
				throw new IllegalStateException("Unable to write the key as " + format, ex);
			}
		}

		/**
		 * Writes the public key as a PEM {@code PUBLIC KEY}.
		 * @param directory the directory
		 * @return {@code <name>.pub.pem}
		 */
		public Path writePublicKeyPem(Path directory) {
			return write(directory.resolve(this.name + ".pub.pem"),
					pem(List.of(() -> new PemObject("PUBLIC KEY", publicKey().getEncoded()))));
		}

		/**
		 * Writes the certificate (with intermediates) and its unencrypted PKCS#8 key.
		 * @param directory the directory
		 * @return the two files
		 */
		public PemFiles writePem(Path directory) {
			return new PemFiles(writeCertificatePem(directory), writeKeyPem(directory));
		}

		/**
		 * Writes the certificate (with intermediates) and its key in a format.
		 * @param directory the directory
		 * @param format the key format
		 * @param password the password for encrypted formats
		 * @return the two files
		 */
		public PemFiles writePem(Path directory, KeyFormat format, String password) {
			return new PemFiles(writeCertificatePem(directory), writeKeyPem(directory, format, password));
		}

		@Override
		public String toString() {
			return "TestCertificate[" + this.certificate.getSubjectX500Principal().getName() + ", " + this.keyType
					+ "]";
		}

	}

	/**
	 * Encodes private keys in every supported PEM format.
	 */
	private static final class KeyWriter {

		static byte[] write(PrivateKey key, PublicKey publicKey, KeyFormat format, String password) throws Exception {
			char[] chars = (password != null) ? password.toCharArray() : null;
			return switch (format) {
				case PKCS8 -> pem(List.of(new JcaPKCS8Generator(key, null)));
				case PKCS8_AES -> pem(List.of(new JcaPKCS8Generator(key,
						new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(PROVIDER)
							.setPRF(PKCS8Generator.PRF_HMACSHA256)
							.setPassword(chars)
							.build())));
				case PKCS8_DES3 -> pem(List.of(new JcaPKCS8Generator(key,
						new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.DES3_CBC).setProvider(PROVIDER)
							.setPassword(chars)
							.build())));
				case PKCS8_SCRYPT -> encryptedPkcs8(key,
						new JcePKCSPBEOutputEncryptorBuilder(
								new ScryptConfig.Builder(16384, 8, 1).withSaltLength(16).build(),
								NISTObjectIdentifiers.id_aes256_CBC)
							.setProvider(PROVIDER)
							.build(chars));
				case PKCS8_PKCS12_3DES -> encryptedPkcs8(key,
						new JcePKCSPBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
							.setProvider(PROVIDER)
							.build(chars));
				case PKCS8_PBES1 -> pbes1(key, chars);
				case TRADITIONAL -> pem(List.of(new MiscPEMGenerator(openSslKey(key, publicKey))));
				case SEC1_WITH_EC_PARAMETERS ->
					pem(List.of(ecParameters(key), new MiscPEMGenerator(openSslKey(key, publicKey))));
				case SEC1_WITHOUT_CURVE -> pem(List.of(ecParameters(key), sec1WithoutCurve(key, publicKey)));
				case LEGACY_AES -> pem(List.of(new MiscPEMGenerator(openSslKey(key, publicKey),
						new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(PROVIDER).build(chars))));
				case LEGACY_DES3 -> pem(List.of(new MiscPEMGenerator(openSslKey(key, publicKey),
						new JcePEMEncryptorBuilder("DES-EDE3-CBC").setProvider(PROVIDER).build(chars))));
			};
		}

		private static byte[] encryptedPkcs8(PrivateKey key, OutputEncryptor encryptor) throws IOException {
			byte[] der = new PKCS8EncryptedPrivateKeyInfoBuilder(key.getEncoded()).build(encryptor).getEncoded();
			return pem(List.of(() -> new PemObject("ENCRYPTED PRIVATE KEY", der)));
		}

		private static byte[] pbes1(PrivateKey key, char[] password) throws Exception {
			byte[] salt = new byte[8];
			RANDOM.nextBytes(salt);
			PBEParameterSpec spec = new PBEParameterSpec(salt, 2048);
			Cipher cipher = Cipher.getInstance("PBEWithMD5AndDES");
			cipher.init(Cipher.ENCRYPT_MODE,
					SecretKeyFactory.getInstance("PBEWithMD5AndDES").generateSecret(new PBEKeySpec(password)), spec);
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("PBEWithMD5AndDES");
			parameters.init(spec);
			byte[] der = new EncryptedPrivateKeyInfo(parameters, cipher.doFinal(key.getEncoded())).getEncoded();
			return pem(List.of(() -> new PemObject("ENCRYPTED PRIVATE KEY", der)));
		}

		private static PemObjectGenerator ecParameters(PrivateKey key) throws IOException {
			PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
			byte[] curve = info.getPrivateKeyAlgorithm().getParameters().toASN1Primitive().getEncoded();
			return () -> new PemObject("EC PARAMETERS", curve);
		}

		/**
		 * Returns the key as OpenSSL encodes it: for EC, a SEC1 structure that names the
		 * curve and carries the public key (the JDK's PKCS#8 encoding has neither).
		 */
		private static PrivateKeyInfo openSslKey(PrivateKey key, PublicKey publicKey) throws IOException {
			PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
			if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
				return info;
			}
			ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
			ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
			return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(),
					new ECPrivateKey(256, sec1.getKey(), publicKeyBits(publicKey), curve));
		}

		private static PemObjectGenerator sec1WithoutCurve(PrivateKey key, PublicKey publicKey) throws IOException {
			PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
			ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
			byte[] der = new ECPrivateKey(256, sec1.getKey(), publicKeyBits(publicKey), null).getEncoded();
			return () -> new PemObject("EC PRIVATE KEY", der);
		}

		private static ASN1BitString publicKeyBits(PublicKey publicKey) {
			return SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData();
		}

	}

	private static KeyPair generateKeyPair(KeyType keyType) throws GeneralSecurityException {
		return switch (keyType) {
			case EC_P256 -> {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
				yield generator.generateKeyPair();
			}
			case RSA_2048 -> {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048, RANDOM);
				yield generator.generateKeyPair();
			}
			case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		};
	}

	private static String signatureAlgorithm(PrivateKey key) {
		return switch (key.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			default -> "Ed25519";
		};
	}

	private static X509Certificate toX509(byte[] der) throws GeneralSecurityException {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(der));
	}

	private static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] pem(List<? extends PemObjectGenerator> objects) {
		StringWriter out = new StringWriter();
		try (PemWriter writer = new PemWriter(out)) {
			for (PemObjectGenerator object : objects) {
				writer.writeObject(object);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static Path write(Path file, byte[] content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(file)) {
				out.write(content);
			}
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
