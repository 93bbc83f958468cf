package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.Problem;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyType;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.ExternalTools;
import dev.kestrel.internal.tls.store.Pkcs12Files;
import dev.kestrel.internal.tls.store.StoredCertificate;
import dev.kestrel.internal.tls.store.Thumbprints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The certificate store and {@code Certificate.Path} read PKCS#12 files with one reader,
 * so they accept and refuse the same files, and find the same certificate, key and chain
 * in them. Every file is generated at test time, in the flavours the JDK
 * ({@code keytool}), .NET, BouncyCastle and OpenSSL write.
 */
class StoreAndPathPkcs12Tests {

	private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

	private static final String PASSWORD = "Pa55-w0rd";

	private static TestCertificate rsa;

	private static TestCertificate ec;

	private static TestCertificate chained;

	@TempDir
	Path directory;

	@BeforeAll
	static void generateCertificates() {
		rsa = TestCertificates.certificate("rsa.example.test").rsa().build();
		ec = TestCertificates.certificate("ec.example.test").build();
		TestCertificate root = TestCertificates.ca("Pkcs12 Root");
		TestCertificate intermediate = TestCertificates.certificate("Pkcs12 Intermediate")
			.certificateAuthority()
			.signedBy(root)
			.build();
		chained = TestCertificates.certificate("ed25519.example.test")
			.keyType(KeyType.ED25519)
			.signedBy(intermediate)
			.build();
	}

	static Stream<Flavour> flavours() {
		return Stream.of(
				Flavour.readable("keytool and JDK default (PBES2 AES-256, HMAC-SHA256) with an RSA key and a password",
						() -> rsa, PASSWORD, StoreAndPathPkcs12Tests::jdk),
				Flavour.readable("keytool and JDK default with an EC key and an empty password", () -> ec, "",
						StoreAndPathPkcs12Tests::jdk),
				Flavour.readable("keytool and JDK default with an Ed25519 key and its chain", () -> chained, PASSWORD,
						StoreAndPathPkcs12Tests::jdk),
				Flavour.readable(".NET store file (3DES key, null password MAC) without a password", () -> ec, null,
						(certificate, file, password) -> Files.write(file,
								Pkcs12Files.encode(certificate.certificate(), certificate.privateKey(), null))),
				Flavour.readable("dev-certs export (PBES2 AES-256) with an RSA key and a password", () -> rsa, PASSWORD,
						(certificate, file, password) -> Files.write(file,
								Pkcs12Files.encode(certificate.certificate(), certificate.privateKey(),
										password.toCharArray()))),
				Flavour.readable("legacy RC2-40 certificates and 3DES key (BouncyCastle) with a chain and a password",
						() -> chained, PASSWORD,
						(certificate, file, password) -> bouncyCastle(certificate, file, password,
								legacy(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, new RC2Engine(), password),
								legacy(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, new DESedeEngine(),
										password),
								new BcPKCS12MacCalculatorBuilder())),
				Flavour.readable("legacy 2-key 3DES key (BouncyCastle), which the JDK cannot decrypt", () -> rsa,
						PASSWORD,
						(certificate, file, password) -> bouncyCastle(certificate, file, password, null,
								legacy(PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC, new DESedeEngine(),
										password),
								new BcPKCS12MacCalculatorBuilder())),
				Flavour.readable("PBES2 with AES-192 (BouncyCastle), which the JDK cannot decrypt", () -> ec, PASSWORD,
						(certificate, file, password) -> bouncyCastle(certificate, file, password,
								pbes2(NISTObjectIdentifiers.id_aes192_CBC, password),
								pbes2(NISTObjectIdentifiers.id_aes192_CBC, password), sha256Mac())),
				Flavour.readable("PBES2 with 3DES (BouncyCastle), which the JDK cannot decrypt", () -> rsa, PASSWORD,
						(certificate, file, password) -> bouncyCastle(certificate, file, password,
								pbes2(PKCSObjectIdentifiers.des_EDE3_CBC, password),
								pbes2(PKCSObjectIdentifiers.des_EDE3_CBC, password), sha256Mac())),
				Flavour.readable("a non-ASCII password, which the JDK cannot use", () -> ec, "pässwörd-ü",
						(certificate, file, password) -> bouncyCastle(certificate, file, password,
								pbes2(NISTObjectIdentifiers.id_aes256_CBC, password),
								pbes2(NISTObjectIdentifiers.id_aes256_CBC, password), sha256Mac())),
				Flavour.readable("unencrypted key and certificate bags without a MAC or password", () -> rsa, null,
						(certificate, file, password) -> bouncyCastle(certificate, file, "", null, null, null)),
				Flavour.readable("encrypted bags without a MAC, with a password", () -> ec, PASSWORD,
						(certificate, file, password) -> bouncyCastle(certificate, file, password,
								pbes2(NISTObjectIdentifiers.id_aes256_CBC, password),
								pbes2(NISTObjectIdentifiers.id_aes256_CBC, password), null)),
				Flavour.readable("OpenSSL 3 default (PBES2 AES-256) with an RSA key and a password", () -> rsa,
						PASSWORD, StoreAndPathPkcs12Tests::openssl),
				Flavour.readable("OpenSSL -legacy (RC2-40, 3DES, SHA-1 MAC) with its chain", () -> chained, PASSWORD,
						(certificate, file, password) -> openssl(certificate, file, password, "-legacy")),
				Flavour.readable("OpenSSL 3DES with the empty (two-byte) password", () -> ec, "",
						(certificate, file, password) -> openssl(certificate, file, password, "-keypbe",
								"PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1")),
				Flavour.readable("OpenSSL without a MAC and without a password", () -> rsa, null,
						(certificate, file, password) -> openssl(certificate, file, "", "-nomac")),
				Flavour.refused("a truncated file", () -> rsa, PASSWORD, (certificate, file, password) -> {
					jdk(certificate, file, password);
					byte[] content = Files.readAllBytes(file);
					Files.write(file, Arrays.copyOf(content, content.length / 2));
				}),
				Flavour.refused("a key without its certificate", () -> ec, PASSWORD, StoreAndPathPkcs12Tests::keyOnly));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("flavours")
	void storeAndPathReadTheSameFileAlike(Flavour flavour) throws Exception {
		TestCertificate certificate = flavour.certificate().get();
		Path file = this.directory.resolve("flavour.pfx");
		flavour.writer().write(certificate, file, flavour.password());
		String expected = flavour.refused() ? null
				: accepted(certificate.certificate(), certificate.privateKey(), certificate.intermediates());
		String withPassword = readByPath(file, flavour.password());
		assertThat(readByStoreReader(file, flavour.password())).as("store reader").isEqualTo(withPassword);
		if (expected != null) {
			assertThat(withPassword).as("Certificate.Path").isEqualTo(expected);
		}
		else {
			assertThat(withPassword).startsWith("refused");
		}
		String listed = listedByStore(file);
		assertThat(listed).as("store, read without a password").isEqualTo(readByPath(file, null));
		if (expected != null && !flavour.hasPassword()) {
			assertThat(listed).isEqualTo(expected);
		}
		if (flavour.hasPassword()) {
			assertThat(listed).startsWith("refused");
			String wrongPassword = readByPath(file, "wrong");
			assertThat(readByStoreReader(file, "wrong")).isEqualTo(wrongPassword);
			if (expected != null) {
				assertThat(wrongPassword).isEqualTo("refused: " + Pkcs12Files.DecodeException.Reason.WRONG_PASSWORD);
			}
		}
	}

	@Test
	void fileWithoutAKeyIsAStoreEntryWithoutKeyAndRefusedByPath() throws Exception {
		Path file = Files.write(Files.createDirectories(this.directory.resolve("my")).resolve("certificate-only.pfx"),
				Pkcs12Files.encode(ec.certificate(), null, null));
		List<StoredCertificate> listed = CertificateStore.open(this.directory, "My", (warning) -> {
		}).list();
		assertThat(listed).singleElement().satisfies((stored) -> {
			assertThat(stored.certificate()).isEqualTo(ec.certificate());
			assertThat(stored.hasPrivateKey()).isFalse();
		});
		assertThat(readByPath(file, null)).isEqualTo("refused: no private key");
	}

	private static String accepted(X509Certificate certificate, PrivateKey privateKey,
			List<X509Certificate> intermediates) {
		return "accepted: " + Thumbprints.of(certificate) + " with key " + keyIdentity(privateKey)
				+ " and intermediates " + intermediates.stream().map(Thumbprints::of).toList();
	}

	private String readByPath(Path file, String password) {
		try {
			ServerCertificate loaded = new CertificateFileLoader(this.directory).load(file.toString(), null, password);
			return accepted(loaded.certificate(), loaded.privateKey(), loaded.intermediates());
		}
		catch (KestrelConfigurationException ex) {
			Problem problem = ex.getProblem();
			String name = file.toString();
			if (problem.equals(CertificateMessages.incorrectCertificatePassword(name))) {
				return "refused: " + Pkcs12Files.DecodeException.Reason.WRONG_PASSWORD;
			}
			if (problem.equals(CertificateMessages.invalidCertificateFile(name))) {
				return "refused: " + Pkcs12Files.DecodeException.Reason.MALFORMED;
			}
			assertThat(problem).isEqualTo(CertificateMessages.pkcs12WithoutPrivateKey(name));
			return "refused: no private key";
		}
	}

	private String readByStoreReader(Path file, String password) throws IOException {
		try {
			Pkcs12Files.Decoded decoded = Pkcs12Files.decode(Files.readAllBytes(file),
					(password != null) ? password.toCharArray() : null);
			if (!decoded.hasPrivateKey()) {
				return "refused: no private key";
			}
			return accepted(decoded.certificate(), decoded.privateKey(), decoded.intermediates());
		}
		catch (Pkcs12Files.DecodeException ex) {
			return (ex.reason() != Pkcs12Files.DecodeException.Reason.NO_CERTIFICATE) ? "refused: " + ex.reason()
					: "refused: no private key";
		}
	}

	private String listedByStore(Path file) throws IOException {
		List<String> warnings = new ArrayList<>();
		CertificateStore store = CertificateStore.open(this.directory.resolve("stores"), "My", warnings::add);
		Files.createDirectories(store.directory());
		Path stored = Files.copy(file, store.directory().resolve("STORED.pfx"));
		List<StoredCertificate> listed = store.list();
		if (listed.isEmpty()) {
			assertThat(warnings).singleElement()
				.asString()
				.startsWith(CertificateMessages.unreadableStoreFile(stored.toString(), "\0").split("\0")[0]);
			return readByStoreReader(stored, null);
		}
		assertThat(warnings).isEmpty();
		StoredCertificate entry = listed.get(0);
		return entry.hasPrivateKey() ? accepted(entry.certificate(), entry.privateKey(), entry.intermediates())
				: "refused: no private key";
	}

	/**
	 * Identifies a private key by its secret value, whatever its encoding (the JDK,
	 * BouncyCastle and OpenSSL encode the same key differently).
	 */
	private static String keyIdentity(PrivateKey key) {
		byte[] secret;
		if (key instanceof RSAPrivateKey rsaKey) {
			secret = rsaKey.getPrivateExponent().toByteArray();
		}
		else if (key instanceof ECPrivateKey ecKey) {
			secret = ecKey.getS().toByteArray();
		}
		else if (key instanceof EdECPrivateKey edKey) {
			secret = edKey.getBytes().orElseThrow();
		}
		else {
			throw new IllegalArgumentException("Unexpected key class " + key.getClass().getName());
		}
		try {
			return key.getAlgorithm() + ":"
					+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret), 0, 8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void jdk(TestCertificate certificate, Path file, String password) throws IOException {
		Files.move(certificate.writePfx(file.getParent(), password), file);
	}

	private static void bouncyCastle(TestCertificate certificate, Path file, String password,
			OutputEncryptor certificateEncryptor, OutputEncryptor keyEncryptor, PKCS12MacCalculatorBuilder mac)
			throws Exception {
		byte[] localKeyId = MessageDigest.getInstance("SHA-1").digest(certificate.certificate().getEncoded());
		List<X509Certificate> chain = new ArrayList<>(certificate.intermediates());
		chain.add(0, certificate.certificate());
		PKCS12SafeBagBuilder[] certificateBags = new PKCS12SafeBagBuilder[chain.size()];
		for (int i = 0; i < chain.size(); i++) {
			certificateBags[i] = new JcaPKCS12SafeBagBuilder(chain.get(i));
		}
		certificateBags[0].addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId));
		PKCS12SafeBagBuilder keyBag = (keyEncryptor != null)
				? new JcaPKCS12SafeBagBuilder(certificate.privateKey(), keyEncryptor)
				: new JcaPKCS12SafeBagBuilder(certificate.privateKey());
		keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DEROctetString(localKeyId));
		PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
		if (certificateEncryptor != null) {
			pfx.addEncryptedData(certificateEncryptor,
					Arrays.stream(certificateBags).map(PKCS12SafeBagBuilder::build).toArray(PKCS12SafeBag[]::new));
		}
		else {
			for (PKCS12SafeBagBuilder bag : certificateBags) {
				pfx.addData(bag.build());
			}
		}
		pfx.addData(keyBag.build());
		Files.write(file, pfx.build(mac, password.toCharArray()).getEncoded());
	}

	private static void keyOnly(TestCertificate certificate, Path file, String password) throws Exception {
		PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
		pfx.addData(new JcaPKCS12SafeBagBuilder(certificate.privateKey(),
				pbes2(NISTObjectIdentifiers.id_aes256_CBC, password))
			.build());
		Files.write(file, pfx.build(sha256Mac(), password.toCharArray()).getEncoded());
	}

	private static OutputEncryptor legacy(ASN1ObjectIdentifier algorithm, BlockCipher engine, String password) {
		return new BcPKCS12PBEOutputEncryptorBuilder(algorithm, CBCBlockCipher.newInstance(engine))
			.build(password.toCharArray());
	}

	private static OutputEncryptor pbes2(ASN1ObjectIdentifier cipher, String password) throws Exception {
		return new JcePKCSPBEOutputEncryptorBuilder(cipher).setProvider(BOUNCY_CASTLE).build(password.toCharArray());
	}

	private static PKCS12MacCalculatorBuilder sha256Mac() {
		return new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setProvider(BOUNCY_CASTLE);
	}

	private static void openssl(TestCertificate certificate, Path file, String password, String... options)
			throws IOException {
		assumeTrue(ExternalTools.hasOpenSsl(), "openssl is not installed");
		Path pem = Files.createDirectories(file.resolveSibling("pem"));
		PemFiles files = certificate.writePem(pem);
		List<String> command = new ArrayList<>(
				List.of("openssl", "pkcs12", "-export", "-in", files.certificate().toString(), "-inkey",
						files.key().toString(), "-passout", "pass:" + password, "-out", file.toString()));
		command.addAll(List.of(options));
		ExternalTools.Result result = ExternalTools.run(command.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	/**
	 * Writes a PKCS#12 file for a certificate.
	 */
	@FunctionalInterface
	interface Writer {

		void write(TestCertificate certificate, Path file, String password) throws Exception;

	}

	/**
	 * A way to write a PKCS#12 file.
	 *
	 * @param description what the file is, the test's display name
	 * @param certificate the certificate and key written (created once the test class is
	 * set up)
	 * @param password the password, {@code null} or empty for none
	 * @param refused whether both readers must refuse the file, even with its password
	 * @param writer writes the file
	 */
	record Flavour(String description, Supplier<TestCertificate> certificate, String password, boolean refused,
			Writer writer) {

		static Flavour readable(String description, Supplier<TestCertificate> certificate, String password,
				Writer writer) {
			return new Flavour(description, certificate, password, false, writer);
		}

		static Flavour refused(String description, Supplier<TestCertificate> certificate, String password,
				Writer writer) {
			return new Flavour(description + ", refused by both", certificate, password, true, writer);
		}

		boolean hasPassword() {
			return this.password != null && !this.password.isEmpty();
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
