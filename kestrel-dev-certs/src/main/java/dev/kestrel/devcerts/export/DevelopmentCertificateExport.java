package dev.kestrel.devcerts.export;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.openssl.PKCS8Generator;

import dev.kestrel.internal.tls.devcert.DevelopmentCertificateException;
import dev.kestrel.internal.tls.store.Pkcs12Files;
import dev.kestrel.internal.tls.store.SecureFiles;

import static java.util.Objects.requireNonNull;

/**
 * Exports a development certificate to files, as
 * {@code dotnet dev-certs https --export-path} does:
 * <ul>
 * <li>{@link Format#PFX} with the key: a PKCS#12 file protected by the password (PBES2,
 * AES-256-CBC), mode {@code 0600};</li>
 * <li>{@link Format#PFX} without the key: the DER certificate;</li>
 * <li>{@link Format#PEM}: the PEM certificate and, with the key, a {@code .key} file next
 * to it (the certificate file's extension replaced): {@code ENCRYPTED PRIVATE KEY}
 * (PKCS#8, PBKDF2-HMAC-SHA256 with 100,000 iterations, AES-256-CBC) when a password is
 * given, else {@code PRIVATE KEY}; mode {@code 0600}.</li>
 * </ul>
 * The directory must exist: choosing its permissions is the user's call.
 */
public final class DevelopmentCertificateExport {

	private static final int PEM_KEY_ITERATIONS = 100_000;

	private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

	private DevelopmentCertificateExport() {
	}

	/**
	 * Exports a certificate.
	 * @param certificate the certificate
	 * @param privateKey its private key, or {@code null} to export the certificate alone
	 * @param path the file to write
	 * @param format the format
	 * @param password the password for the PFX file or the PEM key, or {@code null}
	 * @return the files written
	 * @throws DevelopmentCertificateException if the directory does not exist or a file
	 * cannot be written
	 */
	public static List<Path> export(X509Certificate certificate, PrivateKey privateKey, Path path, Format format,
			char[] password) {
		requireNonNull(certificate, "certificate");
		requireNonNull(path, "path");
		requireNonNull(format, "format");
		Path absolute = path.toAbsolutePath();
		Path directory = absolute.getParent();
		if (directory != null && !Files.isDirectory(directory)) {
			throw new DevelopmentCertificateException(ExportMessages.exportDirectoryMissing(directory.toString()),
					null);
		}
		List<Path> written = new ArrayList<>();
		try {
			if (format == Format.PFX) {
				if (privateKey != null) {
					SecureFiles.write(absolute, Pkcs12Files.encode(certificate, privateKey, password),
							SecureFiles.OWNER_ONLY_FILE);
				}
				else {
					SecureFiles.write(absolute, certificate.getEncoded(), SecureFiles.PUBLIC_FILE);
				}
				written.add(absolute);
				return written;
			}
			byte[] pemKey = (privateKey != null) ? pemKey(privateKey, password) : null;
			SecureFiles.write(absolute, pem(certificate).getBytes(StandardCharsets.US_ASCII), SecureFiles.PUBLIC_FILE);
			written.add(absolute);
			if (pemKey != null) {
				Path keyPath = keyPath(absolute);
				SecureFiles.write(keyPath, pemKey, SecureFiles.OWNER_ONLY_FILE);
				written.add(keyPath);
			}
			return written;
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new DevelopmentCertificateException(
					ExportMessages.exportFailed(absolute.toString(), String.valueOf(ex.getMessage())), ex);
		}
	}

	/**
	 * Returns the PEM encoding of a certificate.
	 * @param certificate the certificate
	 * @return a {@code CERTIFICATE} PEM block
	 */
	public static String pem(X509Certificate certificate) {
		requireNonNull(certificate, "certificate");
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(certificate);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/**
	 * Returns where the key of a PEM export goes: the certificate path with its extension
	 * replaced by {@code .key} (as .NET's {@code Path.ChangeExtension}).
	 * @param certificatePath the certificate file
	 * @return the key file
	 */
	public static Path keyPath(Path certificatePath) {
		requireNonNull(certificatePath, "certificatePath");
		String name = certificatePath.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String base = (dot >= 0) ? name.substring(0, dot) : name;
		return certificatePath.resolveSibling(base + ".key");
	}

	private static byte[] pemKey(PrivateKey privateKey, char[] password) throws IOException, OperatorCreationException {
		OutputEncryptor encryptor = null;
		if (password != null) {
			if (password.length == 0) {
				throw new DevelopmentCertificateException(ExportMessages.emptyPemKeyPassword(), null);
			}
			encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
				.setPRF(PKCS8Generator.PRF_HMACSHA256)
				.setIterationCount(PEM_KEY_ITERATIONS)
				.setRandom(new SecureRandom())
				.setProvider(PROVIDER)
				.setPassword(password)
				.build();
		}
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(new JcaPKCS8Generator(privateKey, encryptor));
		}
		return out.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** Export formats. */
	public enum Format {

		/** PKCS#12 with the key, or the DER certificate without it. */
		PFX,

		/** PEM certificate and, with the key, a PEM {@code .key} file. */
		PEM;

		/**
		 * Parses a format name, ignoring case ({@code Pfx}, {@code Pem}).
		 * @param value the name
		 * @return the format, or empty when the name is unknown
		 */
		public static Optional<Format> parse(String value) {
			requireNonNull(value, "value");
			for (Format format : values()) {
				if (format.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
					return Optional.of(format);
				}
			}
			return Optional.empty();
		}

	}

}
