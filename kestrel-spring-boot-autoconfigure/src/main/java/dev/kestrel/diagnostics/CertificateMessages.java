package dev.kestrel.diagnostics;

/**
 * HTTPS endpoints and certificates: certificate sources, files, keys, stores, SSL bundles
 * and the development certificate.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}): texts taken
 * from Kestrel keep Kestrel's wording; no message ever contains a password, a private key
 * or any other secret. Tests assert on these methods, never on a copy of the text.
 */
public final class CertificateMessages {

	private CertificateMessages() {
	}

	// ---------------------------------------------------------------- HTTPS endpoints

	public static Problem noCertificateSpecified() {
		return new Problem(
				"Unable to configure HTTPS endpoint. No server certificate was specified, and the default "
						+ "developer certificate could not be found or is out of date.",
				"Give the endpoint a Certificate (Path + Password, Path + KeyPath, Subject + Store, or Bundle), or set "
						+ "Kestrel.Certificates.Default. To create a development certificate run "
						+ "'java -jar kestrel-dev-certs.jar https', or set kestrel.development-certificate.auto-create=true.");
	}

	public static Problem endpointHasUnusedHttpsConfig(String endpointName, String key) {
		return new Problem(
				"The non-HTTPS endpoint " + endpointName + " includes HTTPS-only configuration for " + key + ".",
				"Use an https:// URL for this endpoint, or remove " + key
						+ " (it may stay in EndpointDefaults, where it applies to HTTPS endpoints only).");
	}

	public static Problem invalidSslProtocols(String value) {
		return new Problem("Invalid SslProtocols value '" + value + "' (expected: Tls12, Tls13, None, or the obsolete "
				+ "Tls and Tls11).", "Use a list such as [Tls12, Tls13]; case does not matter.");
	}

	public static Problem invalidClientCertificateMode(String value) {
		return new Problem(
				"Invalid ClientCertificateMode value '" + value + "' (expected: NoCertificate, "
						+ "AllowCertificate, RequireCertificate or DelayCertificate).",
				"Use one of the listed values; case does not matter.");
	}

	public static String obsoleteTlsVersion(String endpointName, String version) {
		return "The endpoint " + endpointName + " enables the obsolete " + version
				+ "; most clients and the JDK refuse it. Prefer Tls12 and Tls13.";
	}

	public static String tlsEngine(String engine) {
		return "TLS engine: " + engine;
	}

	public static String developmentCertificateCreated(String thumbprint, String store) {
		return "Created a development certificate for localhost (thumbprint " + thumbprint + ") in " + store
				+ ". Trust it with 'java -jar kestrel-dev-certs.jar https --trust'.";
	}

	public static String developmentCertificateNotFound() {
		return "Unable to locate an appropriate development https certificate.";
	}

	public static String usingDevelopmentCertificate(String subject, String thumbprint) {
		return "Using development certificate: " + subject + " (Thumbprint: " + thumbprint + ")";
	}

	// ---------------------------------------------------------------- TLS and
	// certificates (HTTPS issue)

	public static Problem multipleCertificateSources(String endpointName) {
		return new Problem("The endpoint " + endpointName + " specified multiple certificate sources.",
				"Keep one source in the certificate section: Path (with KeyPath and Password), Subject (with Store, "
						+ "Location and AllowInvalid) or Bundle.");
	}

	public static Problem certificateFileNotFound(String path) {
		return new Problem("The certificate file at '" + path + "' can not be found.",
				"Check Path; a relative path is resolved against the application's working directory.");
	}

	public static Problem certificateKeyFileNotFound(String keyPath) {
		return new Problem("The certificate key file at '" + keyPath + "' can not be found.",
				"Check KeyPath; a relative path is resolved against the application's working directory.");
	}

	public static Problem certificateFileUnreadable(String path, String reason) {
		return new Problem("The file '" + path + "' can not be read: " + reason,
				"Check that the path names a regular file that the application may read.");
	}

	public static Problem invalidCertificateFile(String path) {
		return new Problem(
				"The certificate file at '" + path
						+ "' can not be found, contains malformed data or does not contain a certificate.",
				"Point Path at a PKCS#12 (.pfx, .p12) file, or at a PEM or DER certificate together with KeyPath.");
	}

	public static Problem invalidCertificateKeyFile(String keyPath) {
		return new Problem(
				"The certificate key file at '" + keyPath
						+ "' contains malformed data or does not contain a PEM encoded private key.",
				"Point KeyPath at a PEM file holding the private key: PRIVATE KEY or ENCRYPTED PRIVATE KEY (PKCS#8), "
						+ "RSA PRIVATE KEY (PKCS#1) or EC PRIVATE KEY (SEC1).");
	}

	public static Problem invalidPemKey(String path) {
		return new Problem("The provided key file is missing or invalid.",
				"The certificate file '" + path + "' holds no private key: set KeyPath to the PEM file holding its "
						+ "private key (it may be the same file), or use a PKCS#12 (.pfx) file that contains the key.");
	}

	public static Problem keyPathWithPkcs12(String path) {
		return new Problem(
				"The certificate file '" + path + "' is a PKCS#12 file, which carries its own private key; "
						+ "KeyPath applies only to PEM or DER certificates.",
				"Remove KeyPath, or point Path at the PEM or DER certificate that belongs to the key.");
	}

	public static Problem pkcs12WithoutPrivateKey(String path) {
		return new Problem("The certificate file '" + path + "' contains no private key.",
				"Export the certificate together with its private key, or use a PEM certificate with KeyPath.");
	}

	public static Problem incorrectCertificatePassword(String path) {
		return new Problem("The certificate file '" + path + "' could not be opened: the password is incorrect.",
				"Set Password to the password the file was exported with, or leave it unset for a file without one.");
	}

	public static Problem encryptedKeyWithoutPassword(String keyPath) {
		return new Problem("The certificate key file '" + keyPath + "' is encrypted, but no Password is set.",
				"Set Password to the password the key was encrypted with.");
	}

	public static Problem incorrectKeyPassword(String keyPath) {
		return new Problem(
				"The certificate key file '" + keyPath
						+ "' could not be decrypted: the password is incorrect or the key is corrupt.",
				"Set Password to the password the key was encrypted with.");
	}

	public static Problem unsupportedKeyEncryption(String keyPath, String algorithm) {
		return new Problem(
				"The certificate key file '" + keyPath + "' is encrypted with an unsupported algorithm (" + algorithm
						+ ").",
				"Re-encrypt the key as PKCS#8 with AES, for example with " + "'openssl pkcs8 -topk8 -v2 aes-256-cbc'.");
	}

	public static Problem privateKeyUnreadable(String keyPath) {
		return new Problem("Error getting private key from '" + keyPath + "'.",
				"The file holds a public key only; set KeyPath to the file holding the private key.");
	}

	public static Problem keyDoesNotMatchCertificate(String keyPath, String path) {
		return new Problem("The private key in '" + keyPath + "' does not match the certificate in '" + path + "'.",
				"Set KeyPath to the private key that belongs to the certificate (their public keys must be equal).");
	}

	public static Problem unrecognizedCertificateKeyOid(String oid) {
		return new Problem("Unknown algorithm for certificate with public key type '" + oid + "'.",
				"Use a certificate with an RSA, ECDSA, DSA or EdDSA key.");
	}

	public static Problem invalidServerCertificateEku(String thumbprint) {
		return new Problem(
				"Certificate " + thumbprint + " cannot be used as an SSL server certificate. It has an "
						+ "Extended Key Usage extension but the usages do not include Server Authentication "
						+ "(OID 1.3.6.1.5.5.7.3.1).",
				"Use a certificate without an Extended Key Usage extension or with "
						+ "Server Authentication among its usages.");
	}

	public static Problem certificateNotFoundInStore(String subject, String storeLocation, String storeName,
			boolean allowInvalid) {
		return new Problem(
				"The requested certificate " + subject + " could not be found in " + storeLocation + "/" + storeName
						+ " with AllowInvalid setting: " + (allowInvalid ? "True" : "False") + ".",
				"Check Subject, Store and Location. The certificate must have a private key and either no Extended Key "
						+ "Usage extension or Server Authentication among its usages; set AllowInvalid to true to "
						+ "accept certificates outside their validity period.");
	}

	public static Problem invalidStoreLocation(String location) {
		return new Problem(
				"Invalid certificate store Location '" + location + "' (expected: CurrentUser or LocalMachine).",
				"Use CurrentUser or LocalMachine; case does not " + "matter. Leave Location unset for CurrentUser.");
	}

	public static Problem sslBundleNotFound(String bundle) {
		return new Problem("SSL bundle '" + bundle + "' is not configured.",
				"Define the bundle under spring.ssl.bundle.pem." + bundle + " or spring.ssl.bundle.jks." + bundle
						+ ", or correct Bundle.");
	}

	public static String certificateLacksSubjectAlternativeName(String thumbprint) {
		return "Certificate with thumbprint " + thumbprint
				+ " lacks the subjectAlternativeName (SAN) extension and may not be accepted by browsers.";
	}

	public static String certificateExpired(String thumbprint, String notAfter) {
		return "Certificate with thumbprint " + thumbprint + " expired on " + notAfter + "; clients will reject it.";
	}

	public static String certificateNotYetValid(String thumbprint, String notBefore) {
		return "Certificate with thumbprint " + thumbprint + " is not valid before " + notBefore
				+ "; clients will reject it until then.";
	}

	// ---------------------------------------------------------------- development
	// certificate (HTTPS issue)

	// certificate stores (dev.kestrel.internal.tls.store)

	public static String unreadableStoreFile(String file, String reason) {
		return "Skipped the certificate store file " + file + ": it could not be read (" + reason + ").";
	}

	public static String certificateStoreDirectoryNotPrivate(String directory) {
		return "The certificate store folder " + directory + " is accessible to other users; .NET refuses such "
				+ "folders. Run: chmod 700 " + directory;
	}

	public static Problem certificateStoreWriteFailed(String directory, String reason) {
		return new Problem("Could not write to the certificate store " + directory + ": " + reason,
				"Check that the folder and its parents belong to the current user and are writable, and that the "
						+ "disk is not full.");
	}

	// development certificate: generation

	public static Problem developmentCertificateCreationFailed(String reason) {
		return new Problem("The HTTPS development certificate could not be generated: " + reason,
				"Check that the JVM provides RSA key generation and SHA256withRSA.");
	}

}
