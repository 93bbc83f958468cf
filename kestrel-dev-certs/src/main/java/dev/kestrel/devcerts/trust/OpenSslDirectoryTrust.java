package dev.kestrel.devcerts.trust;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kestrel.devcerts.export.DevelopmentCertificateExport;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.store.Pkcs12Files;
import dev.kestrel.internal.tls.store.SecureFiles;
import dev.kestrel.internal.tls.store.Thumbprints;

/**
 * Trust for OpenSSL clients (curl, Python, ...): the certificate's PEM in a hashed
 * folder, as {@code c_rehash} lays it out ({@code <hash>.0} links made with
 * {@code openssl x509 -hash}). OpenSSL reads the folder once it is listed in
 * {@value DevelopmentCertificateTrust#SSL_CERT_DIR_VARIABLE}, which this target advises.
 */
final class OpenSslDirectoryTrust implements TrustTarget {

	private static final String OPENSSL = "openssl";

	private static final int MAX_HASH_COLLISIONS = 10;

	private static final Pattern HASH_LINK = Pattern.compile("[0-9a-f]+\\.[0-9]+");

	private static final Pattern CERTIFICATE_FILE = Pattern.compile(".*\\.(pem|crt|cer)");

	private static final Pattern TRUSTED_FILE = Pattern.compile("aspnetcore-localhost-([0-9A-F]{40})\\.pem");

	private static final Pattern OPENSSL_DIR = Pattern.compile("OPENSSLDIR:\\s*\"([^\"]+)\"");

	private final Path directory;

	private final String sslCertDir;

	private final ExternalCommands commands;

	private final HomePaths paths;

	private final DevCertReporter reporter;

	/**
	 * Creates the target.
	 * @param directory the folder (absolute and normalized)
	 * @param sslCertDir the value of {@code SSL_CERT_DIR}, or {@code null}
	 * @param commands finds and runs {@code openssl}
	 * @param paths shows paths in messages
	 * @param reporter receives what is done
	 */
	OpenSslDirectoryTrust(Path directory, String sslCertDir, ExternalCommands commands, HomePaths paths,
			DevCertReporter reporter) {
		this.directory = directory;
		this.sslCertDir = sslCertDir;
		this.commands = commands;
		this.paths = paths;
		this.reporter = reporter;
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Returns the PEM file of a certificate in the folder (which the NSS target imports).
	 * @param certificate the certificate
	 * @return {@code <folder>/aspnetcore-localhost-<THUMBPRINT>.pem}
	 */
	Path certificateFile(X509Certificate certificate) {
		return this.directory.resolve(DevelopmentCertificateTrust.nickname(certificate) + ".pem");
	}

	@Override
	public Outcome trust(X509Certificate certificate) {
		Path pem = certificateFile(certificate);
		if (!writePem(certificate, pem)) {
			return Outcome.ABORTED;
		}
		Optional<Path> openssl = this.commands.find(OPENSSL);
		if (openssl.isEmpty()) {
			this.reporter.warn(TrustMessages.trustOpenSslMissing());
			return Outcome.NOT_TRUSTED;
		}
		Optional<Path> link = rehash(openssl.get(), pem);
		if (link.isEmpty()) {
			return Outcome.NOT_TRUSTED;
		}
		this.reporter.output(TrustMessages.trustOpenSslLinked(this.paths.show(link.get()), this.paths.show(pem)));
		return Outcome.TRUSTED;
	}

	/**
	 * Once the certificate is linked, says how to list the folder in {@code SSL_CERT_DIR}
	 * unless it already is.
	 */
	@Override
	public boolean advise(Outcome outcome) {
		if (outcome != Outcome.TRUSTED) {
			return true;
		}
		String shown = this.paths.show(this.directory);
		String variable = DevelopmentCertificateTrust.SSL_CERT_DIR_VARIABLE;
		if (this.sslCertDir != null && !this.sslCertDir.isBlank()) {
			for (String entry : this.sslCertDir.split(File.pathSeparator)) {
				if (!entry.isBlank() && Path.of(entry).toAbsolutePath().normalize().equals(this.directory)) {
					this.reporter.verbose(TrustMessages.trustSslCertDirConfigured(shown, variable));
					return true;
				}
			}
			this.reporter.warn(TrustMessages.trustSuggestAppendingSslCertDir(shown, variable));
			return false;
		}
		this.reporter.warn(TrustMessages.trustSuggestSettingSslCertDir(shown, systemCertificates(), variable));
		return false;
	}

	@Override
	public Outcome check(X509Certificate certificate) {
		if (isInSslCertDir(certificate)) {
			return Outcome.TRUSTED;
		}
		this.reporter.verbose(TrustMessages.notTrustedByOpenSsl(DevelopmentCertificateTrust.SSL_CERT_DIR_VARIABLE));
		return Outcome.NOT_TRUSTED;
	}

	@Override
	public boolean untrust(X509Certificate certificate) {
		Path pem = certificateFile(certificate);
		if (!Files.exists(pem, LinkOption.NOFOLLOW_LINKS)) {
			return true;
		}
		try {
			Files.delete(pem);
			this.reporter.output(TrustMessages.untrustRemovedPem(this.paths.show(pem)));
			Optional<Path> openssl = this.commands.find(OPENSSL);
			if (openssl.isPresent()) {
				rehash(openssl.get(), null);
			}
			else {
				removeDanglingHashLinks();
			}
			return true;
		}
		catch (IOException ex) {
			this.reporter.warn(TrustMessages.untrustFailed(this.paths.show(pem), String.valueOf(ex.getMessage())));
			return false;
		}
	}

	/**
	 * Lists the development certificates of the folder by their file name.
	 */
	@Override
	public Map<String, X509Certificate> trustedCertificates() {
		Map<String, X509Certificate> certificates = new LinkedHashMap<>();
		if (!Files.isDirectory(this.directory)) {
			return certificates;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				Matcher matcher = TRUSTED_FILE.matcher(file.getFileName().toString());
				if (matcher.matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
					X509Certificate certificate = readCertificate(file);
					if (certificate != null && DevelopmentCertificate.isDevelopmentCertificate(certificate)) {
						certificates.put(Thumbprints.of(certificate), certificate);
					}
				}
			}
		}
		catch (IOException ex) {
			this.reporter
				.warn(TrustMessages.untrustFailed(this.paths.show(this.directory), String.valueOf(ex.getMessage())));
		}
		return certificates;
	}

	private boolean writePem(X509Certificate certificate, Path pem) {
		try {
			SecureFiles.createDirectories(this.directory);
			warnIfWritableByOthers(this.directory);
			if (Files.exists(pem, LinkOption.NOFOLLOW_LINKS)) {
				X509Certificate existing = readCertificate(pem);
				if (existing == null || !Arrays.equals(existing.getEncoded(), certificate.getEncoded())) {
					this.reporter.warn(TrustMessages.trustExistingFileDiffers(this.paths.show(pem)));
					return false;
				}
				this.reporter.verbose(TrustMessages.trustPemAlreadyPresent(this.paths.show(pem)));
				return true;
			}
			SecureFiles.write(pem, DevelopmentCertificateExport.pem(certificate).getBytes(StandardCharsets.US_ASCII),
					SecureFiles.PUBLIC_FILE);
			this.reporter.output(TrustMessages.trustExportedPem(this.paths.show(pem)));
			return true;
		}
		catch (IOException | GeneralSecurityException ex) {
			this.reporter.warn(TrustMessages.trustExportFailed(this.paths.show(pem), String.valueOf(ex.getMessage())));
			return false;
		}
	}

	/**
	 * Recreates the hash links of the folder, as a simplified {@code c_rehash}: deletes
	 * every {@code <hash>.<n>} symbolic link, then links each {@code .pem}, {@code .crt}
	 * and {@code .cer} file.
	 * @return the link created for {@code wanted}, or empty (also when rehashing failed,
	 * which is reported)
	 */
	private Optional<Path> rehash(Path openssl, Path wanted) {
		Path wantedLink = null;
		try {
			List<Path> certificates = new ArrayList<>();
			try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
				for (Path file : files) {
					String name = file.getFileName().toString();
					if (Files.isSymbolicLink(file) && HASH_LINK.matcher(name).matches()) {
						Files.delete(file);
					}
					else if (CERTIFICATE_FILE.matcher(name).matches() && Files.isRegularFile(file)) {
						certificates.add(file);
					}
				}
			}
			certificates.sort(null);
			for (Path certificate : certificates) {
				ExternalCommands.Result result = this.commands.run(openssl, "x509", "-hash", "-noout", "-in",
						certificate.toString());
				if (!result.succeeded() || result.output().isBlank()) {
					this.reporter.warn(TrustMessages.trustOpenSslFailed(this.paths.show(certificate), result.output()));
					return Optional.empty();
				}
				Path link = createHashLink(result.output().lines().findFirst().orElse("").trim(), certificate);
				if (link == null) {
					this.reporter.warn(TrustMessages.trustOpenSslFailed(this.paths.show(certificate),
							"more than " + MAX_HASH_COLLISIONS + " certificates with the same subject hash"));
					return Optional.empty();
				}
				if (certificate.equals(wanted)) {
					wantedLink = link;
				}
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			this.reporter.warn(
					TrustMessages.trustOpenSslFailed(this.paths.show(this.directory), String.valueOf(ex.getMessage())));
			return Optional.empty();
		}
		return Optional.ofNullable(wantedLink);
	}

	private Path createHashLink(String hash, Path certificate) throws IOException {
		if (!hash.matches("[0-9a-f]+")) {
			return null;
		}
		for (int index = 0; index < MAX_HASH_COLLISIONS; index++) {
			Path link = this.directory.resolve(hash + "." + index);
			if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
				// Relative, as c_rehash links.
				Files.createSymbolicLink(link, certificate.getFileName());
				return link;
			}
		}
		return null;
	}

	private void removeDanglingHashLinks() throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				if (Files.isSymbolicLink(file) && HASH_LINK.matcher(file.getFileName().toString()).matches()
						&& !Files.exists(file)) {
					Files.delete(file);
				}
			}
		}
	}

	/**
	 * Returns the system's certificate folder, {@code <OPENSSLDIR>/certs} from
	 * {@code openssl version -d}, to keep in a suggested {@code SSL_CERT_DIR}.
	 * @return the folder, or {@code null} when OpenSSL does not say
	 */
	private String systemCertificates() {
		Optional<Path> openssl = this.commands.find(OPENSSL);
		if (openssl.isEmpty()) {
			return null;
		}
		ExternalCommands.Result version = this.commands.run(openssl.get(), "version", "-d");
		Matcher matcher = OPENSSL_DIR.matcher(version.output());
		return (version.succeeded() && matcher.find()) ? Path.of(matcher.group(1), "certs").toString() : null;
	}

	private boolean isInSslCertDir(X509Certificate certificate) {
		if (this.sslCertDir == null || this.sslCertDir.isBlank()) {
			return false;
		}
		for (String entry : this.sslCertDir.split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			X509Certificate candidate = readCertificate(
					Path.of(entry).resolve(DevelopmentCertificateTrust.nickname(certificate) + ".pem"));
			try {
				if (candidate != null && Arrays.equals(candidate.getEncoded(), certificate.getEncoded())) {
					return true;
				}
			}
			catch (GeneralSecurityException ex) {
				// not this one
			}
		}
		return false;
	}

	private void warnIfWritableByOthers(Path folder) throws IOException {
		if (SecureFiles.isPosix(folder)) {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
			if (permissions.contains(PosixFilePermission.GROUP_WRITE)
					|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
				this.reporter.warn(TrustMessages.trustDirectoryWritableByOthers(this.paths.show(folder)));
			}
		}
	}

	private static X509Certificate readCertificate(Path file) {
		try {
			return Pkcs12Files.decode(Files.readAllBytes(file), null).certificate();
		}
		catch (IOException | GeneralSecurityException ex) {
			return null;
		}
	}

}
