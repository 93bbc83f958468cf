package dev.kestrel.diagnostics;

import java.util.Collection;

/**
 * The catalogue of every user-facing message of the starter: exception texts (with the action that fixes them) and
 * log lines. Texts taken from Kestrel keep Kestrel's wording so that .NET users recognise them and search engines find
 * them. No message ever contains a password, a private key or any other secret.
 * <p>
 * Tests assert on these methods, never on a copy of the text.
 */
public final class KestrelMessages {

	private KestrelMessages() {
	}

	// ---------------------------------------------------------------- addresses and URLs

	public static Problem invalidUrl(String url) {
		return new Problem("Invalid url: '" + url + "'",
				"Write the address as scheme://host[:port], for example http://localhost:5000, https://*:5001, "
						+ "http://[::1]:8080 or http://unix:/run/app.sock.");
	}

	public static Problem unixSocketPathMustBeAbsolute(String url) {
		return new Problem("Invalid url, unix socket path must be absolute: '" + url + "'",
				"Use an absolute socket path, for example http://unix:/run/app.sock.");
	}

	public static Problem unsupportedScheme(String url) {
		return new Problem("Unrecognized scheme in server address '" + url
				+ "'. Only 'http://' and 'https://' are supported.", "Use an http:// or https:// URL.");
	}

	public static Problem pathBaseNotSupported(String url) {
		return new Problem("A path base can only be configured using spring.webflux.base-path, not in the address '"
				+ url + "'.", "Remove the path from the URL and set spring.webflux.base-path instead.");
	}

	public static Problem invalidPort(String url, String port) {
		return new Problem("Invalid port: '" + port + "' in the address '" + url + "' (expected: 0-65535).",
				"Write the port as a number from 0 to 65535 (0 picks a free port), or leave it out for the scheme's "
						+ "default (80 for http, 443 for https).");
	}

	public static Problem dynamicPortOnLocalhost() {
		return new Problem("Dynamic port binding is not supported when binding to localhost. You must either bind to "
				+ "127.0.0.1:0 or [::1]:0, or both.", "Use http://127.0.0.1:0 or http://[::1]:0 instead of localhost.");
	}

	// ---------------------------------------------------------------- configuration schema

	public static Problem endpointMissingUrl(String endpointName) {
		return new Problem("The endpoint " + endpointName + " is missing the required 'Url' parameter.",
				"Set Kestrel.Endpoints." + endpointName + ".Url, for example to http://localhost:5000.");
	}

	public static Problem duplicateEndpointNames(Collection<String> names) {
		return new Problem("The endpoint names " + String.join(", ", names) + " differ only in case or punctuation. "
				+ "Endpoint names are case-insensitive, so they name the same endpoint twice.",
				"Give each endpoint a distinct name, or keep one of them.");
	}

	public static Problem invalidProtocols(String value) {
		return new Problem("Invalid Protocols value '" + value + "' (expected: Http1, Http2, Http1AndHttp2, Http3 or "
				+ "Http1AndHttp2AndHttp3).", "Use one of the listed values; case does not matter.");
	}

	public static Problem notSupportedYet(String key) {
		return new Problem("The configuration key '" + key + "' is not supported by this version of "
				+ "kestrel-spring-boot-starter yet.", "Remove the key; it would otherwise be silently ignored.");
	}

	public static Problem unknownKey(String key) {
		return new Problem("Unknown configuration key '" + key + "'.",
				"Check the spelling against Kestrel's schema (Endpoints.<Name>.Url, Protocols, SslProtocols, "
						+ "ClientCertificateMode, Certificate, Sni; EndpointDefaults; Certificates.Default) and remove "
						+ "keys the starter does not know.");
	}

	public static Problem invalidUrls(String source, String value) {
		return new Problem("Invalid address list in " + source + ": '" + value + "'.",
				"Separate addresses with ';', for example http://localhost:5000;http://localhost:5001.");
	}

	public static Problem httpsNotSupportedYet(String url) {
		return new Problem("The address '" + url + "' asks for HTTPS, which this version of kestrel-spring-boot-starter "
				+ "does not support yet.", "Use an http:// address.");
	}

	public static Problem http3NotSupportedYet(String endpoint) {
		return new Problem("The endpoint " + endpoint + " asks for HTTP/3, which this version of "
				+ "kestrel-spring-boot-starter does not support yet.", "Use Http1, Http2 or Http1AndHttp2.");
	}

	public static Problem serverSslNotSupported() {
		return new Problem("server.ssl is set, but Kestrel endpoints configure TLS per endpoint.",
				"Remove server.ssl.* and configure HTTPS on a Kestrel endpoint instead.");
	}

	// ---------------------------------------------------------------- binding

	public static Problem addressInUse(String displayName) {
		return new Problem("Failed to bind to address " + displayName + ": address already in use.",
				"Stop the process that listens on " + displayName + ", or configure this endpoint to listen on "
						+ "another address or port.");
	}

	public static Problem addressBindingFailed(String displayName, String reason) {
		return new Problem("Failed to bind to address " + displayName + ": " + reason,
				"Check that the address belongs to this machine and that the process may listen on it.");
	}

	// ---------------------------------------------------------------- log lines

	public static String nowListeningOn(String displayName) {
		return "Now listening on: " + displayName;
	}

	public static String overridingAddresses(Collection<String> urls) {
		return "Overriding address(es) '" + String.join(", ", urls)
				+ "'. Binding to endpoints defined via configuration and/or code instead.";
	}

	public static String loopbackFamilyUnavailable(String displayName, String family, String reason) {
		return "Unable to bind to " + displayName + " on the " + family + " loopback interface: '" + reason + "'.";
	}

	public static String ipv6AnyFallback(int port) {
		return "Failed to bind to http://[::]:" + port + " (IPv6Any). Attempting to bind to http://0.0.0.0:" + port
				+ " instead.";
	}

	public static String randomPortsForTests(String serverPortSource) {
		return "server.port=0 (" + serverPortSource + ") asks for random ports: every TCP endpoint binds a dynamic "
				+ "port instead of its configured one.";
	}

	public static String staleUnixSocketDeleted(String path) {
		return "Deleted the stale Unix socket file " + path + " left by a previous run.";
	}

	// ---------------------------------------------------------------- TLS and certificates (HTTPS issue)

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
		return new Problem("The certificate file at '" + path
				+ "' can not be found, contains malformed data or does not contain a certificate.",
				"Point Path at a PKCS#12 (.pfx, .p12) file, or at a PEM or DER certificate together with KeyPath.");
	}

	public static Problem invalidCertificateKeyFile(String keyPath) {
		return new Problem("The certificate key file at '" + keyPath
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
		return new Problem("The certificate file '" + path + "' is a PKCS#12 file, which carries its own private key; "
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
		return new Problem("The certificate key file '" + keyPath
				+ "' could not be decrypted: the password is incorrect or the key is corrupt.",
				"Set Password to the password the key was encrypted with.");
	}

	public static Problem unsupportedKeyEncryption(String keyPath, String algorithm) {
		return new Problem("The certificate key file '" + keyPath + "' is encrypted with an unsupported algorithm ("
				+ algorithm + ").", "Re-encrypt the key as PKCS#8 with AES, for example with "
						+ "'openssl pkcs8 -topk8 -v2 aes-256-cbc'.");
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
		return new Problem("Certificate " + thumbprint + " cannot be used as an SSL server certificate. It has an "
				+ "Extended Key Usage extension but the usages do not include Server Authentication "
				+ "(OID 1.3.6.1.5.5.7.3.1).", "Use a certificate without an Extended Key Usage extension or with "
						+ "Server Authentication among its usages.");
	}

	public static Problem certificateNotFoundInStore(String subject, String storeLocation, String storeName,
			boolean allowInvalid) {
		return new Problem("The requested certificate " + subject + " could not be found in " + storeLocation + "/"
				+ storeName + " with AllowInvalid setting: " + (allowInvalid ? "True" : "False") + ".",
				"Check Subject, Store and Location. The certificate must have a private key and either no Extended Key "
						+ "Usage extension or Server Authentication among its usages; set AllowInvalid to true to "
						+ "accept certificates outside their validity period.");
	}

	public static Problem invalidStoreLocation(String location) {
		return new Problem("Invalid certificate store Location '" + location
				+ "' (expected: CurrentUser or LocalMachine).", "Use CurrentUser or LocalMachine; case does not "
						+ "matter. Leave Location unset for CurrentUser.");
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
		return "Certificate with thumbprint " + thumbprint + " expired on " + notAfter
				+ "; clients will reject it.";
	}

	public static String certificateNotYetValid(String thumbprint, String notBefore) {
		return "Certificate with thumbprint " + thumbprint + " is not valid before " + notBefore
				+ "; clients will reject it until then.";
	}

	// ---------------------------------------------------------------- development certificate (HTTPS issue)

}
