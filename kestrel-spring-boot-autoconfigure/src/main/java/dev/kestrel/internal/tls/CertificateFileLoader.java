package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.Problem;
import dev.kestrel.internal.tls.PemKeyReader.PemKeyException;
import dev.kestrel.internal.tls.store.CertificateKeyMatcher;
import dev.kestrel.internal.tls.store.KeyAlgorithms;
import dev.kestrel.internal.tls.store.Pkcs12Files;

import static java.util.Objects.requireNonNull;

/**
 * Loads a server certificate from files, like Kestrel's {@code CertificateConfigLoader}:
 * a PKCS#12 file ({@code Path} + {@code Password}), or a PEM or DER certificate with a
 * PEM private key ({@code Path} + {@code KeyPath} + optional {@code Password}). Every
 * extra certificate in a PEM certificate file becomes an intermediate. Relative paths
 * resolve against the content root (the application's working directory).
 * <p>
 * Every failure is a {@link KestrelConfigurationException} that names the file, and the
 * endpoint and the configuration key when the loader was created with them. No message
 * contains the password.
 */
public final class CertificateFileLoader {

	private static final Provider PROVIDER = new BouncyCastleProvider();

	private static final String PATH = "path";

	private static final String KEY_PATH = "key-path";

	private static final String PASSWORD = "password";

	private final Path contentRoot;

	private final String endpointName;

	private final String keyPrefix;

	/**
	 * Creates a loader whose errors name no endpoint and no configuration key.
	 * @param contentRoot the directory relative paths resolve against
	 */
	public CertificateFileLoader(Path contentRoot) {
		this(contentRoot, null, null);
	}

	/**
	 * Creates a loader whose errors name the endpoint and the key
	 * ({@code keyPrefix + ".path"}, {@code ".key-path"} or {@code ".password"}).
	 * @param contentRoot the directory relative paths resolve against
	 * @param endpointName the endpoint name, or {@code null}
	 * @param keyPrefix the certificate section's key, e.g.
	 * {@code kestrel.endpoints.Https.certificate}, or {@code null}
	 */
	public CertificateFileLoader(Path contentRoot, String endpointName, String keyPrefix) {
		this.contentRoot = requireNonNull(contentRoot, "contentRoot");
		this.endpointName = endpointName;
		this.keyPrefix = keyPrefix;
	}

	/**
	 * Resolves a configured path against the content root. An absolute path wins.
	 * @param path the configured path
	 * @return the absolute, normalized path
	 */
	public Path resolve(String path) {
		requireNonNull(path, "path");
		return this.contentRoot.resolve(path).toAbsolutePath().normalize();
	}

	/**
	 * Loads a certificate the way the configuration describes it: PEM or DER certificate
	 * plus key when {@code keyPath} is set, PKCS#12 otherwise.
	 * @param path the certificate file ({@code Path})
	 * @param keyPath the PEM key file ({@code KeyPath}), or {@code null}
	 * @param password the PKCS#12 or key password, or {@code null}
	 * @return the certificate with its key
	 * @throws KestrelConfigurationException if the files cannot be loaded
	 */
	public ServerCertificate load(String path, String keyPath, String password) {
		requireNonNull(path, "path");
		if (keyPath != null && !keyPath.isBlank()) {
			return loadPem(path, keyPath, password);
		}
		Path file = resolve(path);
		byte[] content = read(file, PATH);
		if (!isPem(content) && readDerCertificate(content) == null) {
			return readPkcs12(file, content, password);
		}
		if (readCertificates(file, content).isEmpty()) {
			throw failure(CertificateMessages.invalidCertificateFile(file.toString()), PATH, null);
		}
		throw failure(CertificateMessages.invalidPemKey(file.toString()), KEY_PATH, null);
	}

	/**
	 * Loads a PKCS#12 (PFX) file: the first entry that has a private key, with its chain.
	 * The file is read like a certificate store file, by
	 * {@link Pkcs12Files#decode(byte[], char[])}.
	 * @param path the file
	 * @param password the password; {@code null} or empty for a file without password
	 * @return the certificate with its key
	 * @throws KestrelConfigurationException if the file cannot be loaded
	 */
	public ServerCertificate loadPkcs12(String path, String password) {
		Path file = resolve(path);
		return readPkcs12(file, read(file, PATH), password);
	}

	/**
	 * Loads a PEM or DER certificate and its PEM private key.
	 * @param certificatePath the certificate file; extra PEM certificates become
	 * intermediates
	 * @param keyPath the PEM private key file (may be the certificate file)
	 * @param password the key password, or {@code null} for an unencrypted key
	 * @return the certificate with its key
	 * @throws KestrelConfigurationException if the files cannot be loaded or do not
	 * belong together
	 */
	public ServerCertificate loadPem(String certificatePath, String keyPath, String password) {
		requireNonNull(keyPath, "keyPath");
		Path certificateFile = resolve(certificatePath);
		byte[] certificateContent = read(certificateFile, PATH);
		List<X509Certificate> certificates = readCertificates(certificateFile, certificateContent);
		if (certificates.isEmpty()) {
			if (Pkcs12Files.isPkcs12(certificateContent)) {
				throw failure(CertificateMessages.keyPathWithPkcs12(certificateFile.toString()), KEY_PATH, null);
			}
			throw failure(CertificateMessages.invalidCertificateFile(certificateFile.toString()), PATH, null);
		}
		X509Certificate leaf = certificates.get(0);
		ASN1ObjectIdentifier algorithm = KeyAlgorithms.publicKeyAlgorithm(leaf);
		if (KeyAlgorithms.family(algorithm) == null) {
			throw failure(CertificateMessages.unrecognizedCertificateKeyOid(algorithm.getId()), PATH, null);
		}
		Path keyFile = resolve(keyPath);
		PrivateKey privateKey = readPrivateKey(keyFile, read(keyFile, KEY_PATH), password, curve(leaf));
		if (!CertificateKeyMatcher.matches(leaf, privateKey)) {
			throw failure(
					CertificateMessages.keyDoesNotMatchCertificate(keyFile.toString(), certificateFile.toString()),
					KEY_PATH, null);
		}
		return new ServerCertificate(leaf, privateKey, certificates.subList(1, certificates.size()));
	}

	private byte[] read(Path file, String key) {
		try {
			if (Files.isDirectory(file)) {
				throw failure(CertificateMessages.certificateFileUnreadable(file.toString(), "it is a directory"), key,
						null);
			}
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			Problem problem = PATH.equals(key) ? CertificateMessages.certificateFileNotFound(file.toString())
					: CertificateMessages.certificateKeyFileNotFound(file.toString());
			throw failure(problem, key, ex);
		}
		catch (IOException ex) {
			String reason = (ex instanceof AccessDeniedException) ? "access denied" : String.valueOf(ex.getMessage());
			throw failure(CertificateMessages.certificateFileUnreadable(file.toString(), reason), key, ex);
		}
	}

	private ServerCertificate readPkcs12(Path file, byte[] content, String password) {
		char[] chars = (password != null) ? password.toCharArray() : null;
		Pkcs12Files.Decoded decoded;
		try {
			decoded = Pkcs12Files.decode(content, chars);
		}
		catch (Pkcs12Files.DecodeException ex) {
			String name = file.toString();
			throw switch (ex.reason()) {
				case WRONG_PASSWORD -> failure(CertificateMessages.incorrectCertificatePassword(name), PASSWORD, ex);
				case NO_CERTIFICATE -> failure(CertificateMessages.pkcs12WithoutPrivateKey(name), PATH, ex);
				case MALFORMED -> failure(CertificateMessages.invalidCertificateFile(name), PATH, ex);
			};
		}
		finally {
			if (chars != null) {
				Arrays.fill(chars, '\0');
			}
		}
		if (!decoded.hasPrivateKey()) {
			throw failure(CertificateMessages.pkcs12WithoutPrivateKey(file.toString()), PATH, null);
		}
		return new ServerCertificate(decoded.certificate(), decoded.privateKey(), decoded.intermediates());
	}

	private List<X509Certificate> readCertificates(Path file, byte[] content) {
		if (!isPem(content)) {
			X509Certificate certificate = readDerCertificate(content);
			return (certificate != null) ? List.of(certificate) : List.of();
		}
		List<X509Certificate> certificates = new ArrayList<>();
		try (PemReader reader = new PemReader(
				new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.ISO_8859_1))) {
			PemObject object;
			while ((object = reader.readPemObject()) != null) {
				if ("CERTIFICATE".equals(object.getType()) || "X509 CERTIFICATE".equals(object.getType())) {
					certificates.add(x509Certificate(object.getContent()));
				}
			}
			return certificates;
		}
		catch (IOException | CertificateException | RuntimeException ex) {
			throw failure(CertificateMessages.invalidCertificateFile(file.toString()), PATH, ex);
		}
	}

	private static ASN1Encodable curve(X509Certificate certificate) {
		AlgorithmIdentifier algorithm = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
			.getAlgorithm();
		return X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm()) ? algorithm.getParameters() : null;
	}

	private PrivateKey readPrivateKey(Path keyFile, byte[] content, String password, ASN1Encodable curve) {
		String name = keyFile.toString();
		char[] chars = (password != null) ? password.toCharArray() : null;
		try {
			return KeyAlgorithms.toPrivateKey(new PemKeyReader(PROVIDER).read(content, chars, curve), PROVIDER);
		}
		catch (PemKeyException ex) {
			throw switch (ex.reason()) {
				case PUBLIC_KEY -> failure(CertificateMessages.privateKeyUnreadable(name), KEY_PATH, ex);
				case PASSWORD_MISSING -> failure(CertificateMessages.encryptedKeyWithoutPassword(name), PASSWORD, ex);
				case PASSWORD_INCORRECT -> failure(CertificateMessages.incorrectKeyPassword(name), PASSWORD, ex);
				case UNSUPPORTED_ENCRYPTION ->
					failure(CertificateMessages.unsupportedKeyEncryption(name, ex.algorithm()), KEY_PATH, ex);
				case NO_PRIVATE_KEY, MALFORMED ->
					failure(CertificateMessages.invalidCertificateKeyFile(name), KEY_PATH, ex);
			};
		}
		catch (GeneralSecurityException | IOException | RuntimeException ex) {
			throw failure(CertificateMessages.invalidCertificateKeyFile(name), KEY_PATH, ex);
		}
		finally {
			if (chars != null) {
				Arrays.fill(chars, '\0');
			}
		}
	}

	private static boolean isPem(byte[] content) {
		return new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
	}

	private static X509Certificate readDerCertificate(byte[] content) {
		if (content.length == 0 || content[0] != 0x30) {
			return null;
		}
		try {
			return x509Certificate(content);
		}
		catch (CertificateException | RuntimeException ex) {
			return null;
		}
	}

	private static X509Certificate x509Certificate(byte[] der) throws CertificateException {
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(der));
	}

	private KestrelConfigurationException failure(Problem problem, String key, Throwable cause) {
		String configurationKey = (this.keyPrefix != null) ? this.keyPrefix + "." + key : null;
		return new KestrelConfigurationException(this.endpointName, configurationKey, problem, cause);
	}

}
