package dev.kestrel.devcerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.Pkcs12Files;

import static java.util.Objects.requireNonNull;

/**
 * Imports a development certificate from a PKCS#12 file into the CurrentUser {@code My}
 * store, as {@code dotnet dev-certs https --import} does.
 */
final class DevelopmentCertificateImport {

	private DevelopmentCertificateImport() {
	}

	/**
	 * Imports a development certificate.
	 * @param my the CurrentUser {@code My} store
	 * @param file the PKCS#12 file
	 * @param password its password
	 * @return the outcome
	 */
	static Result importCertificate(CertificateStore my, Path file, char[] password) {
		requireNonNull(my, "my");
		requireNonNull(file, "file");
		if (!Files.isRegularFile(file)) {
			return Result.FILE_MISSING;
		}
		Pkcs12Files.Decoded decoded;
		try {
			decoded = Pkcs12Files.decode(Files.readAllBytes(file), password);
		}
		catch (IOException | GeneralSecurityException ex) {
			return Result.INVALID_CERTIFICATE;
		}
		if (!DevelopmentCertificate.isDevelopmentCertificate(decoded.certificate())) {
			return Result.NOT_A_DEVELOPMENT_CERTIFICATE;
		}
		if (!DevelopmentCertificates.findAll(my).isEmpty()) {
			return Result.EXISTING_CERTIFICATES_PRESENT;
		}
		my.add(decoded.certificate(), decoded.privateKey());
		return Result.IMPORTED;
	}

	/**
	 * The outcome of an import, one per exit code of
	 * {@code dotnet dev-certs https --import}.
	 */
	enum Result {

		/** The certificate was imported. */
		IMPORTED,

		/** The file does not exist. */
		FILE_MISSING,

		/** The file is not a readable PKCS#12 file, or the password is wrong. */
		INVALID_CERTIFICATE,

		/** The certificate is not a development certificate. */
		NOT_A_DEVELOPMENT_CERTIFICATE,

		/** The store already holds development certificates. */
		EXISTING_CERTIFICATES_PRESENT

	}

}
