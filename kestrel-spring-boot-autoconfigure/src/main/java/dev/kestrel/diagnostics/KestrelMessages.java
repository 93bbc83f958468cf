package dev.kestrel.diagnostics;

import java.util.Collection;

// Over 400 lines: the runtime's message catalogue. Splitting it into one catalogue per domain (configuration,
// binding, TLS, SNI, store) is open work of issue #10.
/**
 * The catalogue of every user-facing message of the starter: exception texts (with the
 * action that fixes them) and log lines. Texts taken from Kestrel keep Kestrel's wording
 * so that .NET users recognise them and search engines find them. No message ever
 * contains a password, a private key or any other secret. The {@code kestrel-dev-certs}
 * tool keeps its own catalogues (command line, export, trust).
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
		return new Problem(
				"Unrecognized scheme in server address '" + url + "'. Only 'http://' and 'https://' are supported.",
				"Use an http:// or https:// URL.");
	}

	public static Problem pathBaseNotSupported(String url) {
		return new Problem(
				"A path base can only be configured using spring.webflux.base-path, not in the address '" + url + "'.",
				"Remove the path from the URL and set spring.webflux.base-path instead.");
	}

	public static Problem invalidPort(String url, String port) {
		return new Problem("Invalid port: '" + port + "' in the address '" + url + "' (expected: 0-65535).",
				"Write the port as a number from 0 to 65535 (0 picks a free port), or leave it out for the scheme's "
						+ "default (80 for http, 443 for https).");
	}

	public static Problem dynamicPortOnLocalhost() {
		return new Problem(
				"Dynamic port binding is not supported when binding to localhost. You must either bind to "
						+ "127.0.0.1:0 or [::1]:0, or both.",
				"Use http://127.0.0.1:0 or http://[::1]:0 instead of localhost.");
	}

	// ---------------------------------------------------------------- configuration
	// schema

	public static Problem endpointMissingUrl(String endpointName) {
		return new Problem("The endpoint " + endpointName + " is missing the required 'Url' parameter.",
				"Set Kestrel.Endpoints." + endpointName + ".Url, for example to http://localhost:5000.");
	}

	public static Problem duplicateEndpointNames(Collection<String> names) {
		return new Problem(
				"The endpoint names " + String.join(", ", names) + " differ only in case or punctuation. "
						+ "Endpoint names are case-insensitive, so they name the same endpoint twice.",
				"Give each endpoint a distinct name, or keep one of them.");
	}

	public static Problem invalidProtocols(String value) {
		return new Problem("Invalid Protocols value '" + value + "' (expected: Http1, Http2, Http1AndHttp2, Http3 or "
				+ "Http1AndHttp2AndHttp3).", "Use one of the listed values; case does not matter.");
	}

	public static Problem notSupportedYet(String key) {
		return new Problem(
				"The configuration key '" + key + "' is not supported by this version of "
						+ "kestrel-spring-boot-starter yet.",
				"Remove the key; it would otherwise be silently ignored.");
	}

	public static Problem unknownKeys(Collection<String> keys) {
		return new Problem("Unknown configuration key" + ((keys.size() > 1) ? "s " : " ")
				+ keys.stream().map((key) -> "'" + key + "'").collect(java.util.stream.Collectors.joining(", ")) + ".",
				"Check the spelling against Kestrel's schema (Endpoints.<Name>.Url, Protocols, SslProtocols, "
						+ "ClientCertificateMode, Certificate, Sni; EndpointDefaults; Certificates.Default) and remove "
						+ "keys the starter does not know.");
	}

	public static Problem invalidValue(String key, Object origin) {
		return new Problem(
				"The value of '" + key + "' cannot be converted to the key's type"
						+ ((origin != null) ? " (from " + origin + ")" : "") + ".",
				"Fix the value; see the key's description in README.md or your IDE's completion.");
	}

	public static Problem unknownKey(String key) {
		return new Problem("Unknown configuration key '" + key + "'.",
				"Check the spelling against Kestrel's schema (Endpoints.<Name>.Url, Protocols, SslProtocols, "
						+ "ClientCertificateMode, Certificate, Sni; EndpointDefaults; Certificates.Default) and remove "
						+ "keys the starter does not know.");
	}

	public static Problem serverSslNotSupported() {
		return new Problem("server.ssl is set, but Kestrel endpoints configure TLS per endpoint.",
				"Remove server.ssl.* and configure HTTPS on a Kestrel endpoint instead.");
	}

	public static Problem serverHttp2Disabled() {
		return new Problem(
				"server.http2.enabled=false is set, but Kestrel endpoints choose their protocols themselves.",
				"Remove server.http2.enabled and set Kestrel.EndpointDefaults.Protocols (or an endpoint's Protocols) "
						+ "to Http1.");
	}

	public static Problem errorPagesNotSupported() {
		return new Problem("Error pages are registered on the web server factory, but a reactive server has none.",
				"Remove the error pages and handle errors with WebFlux (an ErrorWebExceptionHandler or "
						+ "server.error.* properties).");
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

	// ---------------------------------------------------------------- protocols
	// (HTTP/1.1, HTTP/2, HTTP/3)

	public static String http2NotNegotiated(String endpointName) {
		return "HTTP/2 over TLS was not negotiated on an HTTP/2-only endpoint. (endpoint " + endpointName + ")";
	}

	public static String http2MinimumTlsVersion(String protocol) {
		return "Tls 1.2 or later must be used for HTTP/2. " + protocol + " was negotiated.";
	}

	public static String http2InadequateCipher(String cipherSuite) {
		return "The cipher suite " + cipherSuite + " must not be used for HTTP/2 (RFC 9113, section 9.2.2).";
	}

	public static String http1RequestOnHttp2OnlyEndpoint() {
		return "An HTTP/1.x request was sent to an HTTP/2 only endpoint.";
	}

	public static Problem http2RequiresTls12(String endpointName) {
		return new Problem(
				"The endpoint " + endpointName + " serves HTTP/2 over TLS, but its SslProtocols allow only "
						+ "versions below TLS 1.2, which HTTP/2 forbids: every HTTP/2 connection would fail.",
				"Add Tls12 or Tls13 to SslProtocols, or use Protocols: Http1.");
	}

	public static Problem http3RequiresHttps(String endpointName) {
		return new Problem("HTTP/3 requires HTTPS. (endpoint " + endpointName + ")",
				"Use an https:// URL for this endpoint, or other Protocols.");
	}

	public static Problem http3OnUnixSocket(String endpointName) {
		return new Problem("The endpoint " + endpointName + " asks for HTTP/3 on a Unix socket; HTTP/3 runs over QUIC "
				+ "(UDP) and needs an IP address.", "Use Http1AndHttp2 on the Unix socket, or an IP address.");
	}

	public static Problem http3RequiresTls13(String endpointName) {
		return new Problem(
				"The endpoint " + endpointName + " asks for HTTP/3, but its SslProtocols do not include "
						+ "Tls13; QUIC always uses TLS 1.3.",
				"Add Tls13 to SslProtocols, or leave Http3 out of Protocols.");
	}

	public static Problem http3OnAuthenticateNotSupported(String endpointName) {
		return new Problem("The OnAuthenticate callback is not supported with HTTP/3. (endpoint " + endpointName + ")",
				"Remove onAuthenticate from this endpoint's HTTPS options, or leave Http3 out of its Protocols.");
	}

	public static String http3NotServedForHosts(String endpointName, java.util.List<String> hostNames) {
		return "HTTP/3 will not be served to " + String.join(", ", hostNames) + " on endpoint " + endpointName
				+ ": QUIC always uses TLS 1.3 and asks for a client certificate before it knows the host name, so an "
				+ "SNI entry whose SslProtocols exclude Tls13 or whose ClientCertificateMode differs from the "
				+ "endpoint's is served over HTTP/1.1 and HTTP/2 only, without Alt-Svc.";
	}

	public static String http3HostRefused(String endpointName, String serverName, String reason) {
		return "HTTP/3 connection to '" + serverName + "' on endpoint " + endpointName + " refused: " + reason;
	}

	public static String http3SelectionTimedOut(String endpointName, String serverName, java.time.Duration timeout) {
		return "HTTP/3 connection to '" + serverName + "' on endpoint " + endpointName + " refused: the TLS "
				+ "configuration was not chosen within the handshake timeout (" + timeout + "). Over QUIC the choice "
				+ "runs on the event loop; a TLS handshake callback must complete promptly.";
	}

	public static String http3HandshakeFailed(String endpointName, String serverName) {
		return "HTTP/3 connection to '" + serverName + "' on endpoint " + endpointName + " refused: choosing its TLS "
				+ "configuration failed.";
	}

	public static String dynamicPortOnMultipleTransports(String endpointName) {
		return "Dynamic port binding is not supported when binding multiple transports. HTTP/3 not enabled. A port "
				+ "must be specified to support TCP based HTTP/1.1 and HTTP/2, and QUIC based HTTP/3 with the same "
				+ "endpoint. (endpoint " + endpointName + ")";
	}

	public static String http2NotEnabledOnCleartext(String endpointName) {
		return "HTTP/2 is not enabled for " + endpointName + ". The endpoint is configured to use HTTP/1.1 and HTTP/2, "
				+ "but TLS is not enabled and kestrel.cleartext-http2 is false. Connections to this endpoint will use "
				+ "HTTP/1.1.";
	}

	public static String http3NotEnabledWithoutTls(String endpointName) {
		return "HTTP/3 is not enabled for " + endpointName + ". HTTP/3 requires TLS. Connections to this endpoint will "
				+ "use HTTP/1.1 and HTTP/2.";
	}

	public static String nowListeningOnQuic(String displayName) {
		return "Now listening on: " + displayName + " (HTTP/3 over QUIC)";
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

	// ---------------------------------------------------------------- SNI and
	// per-connection TLS (SNI issue)

	public static Problem sniNameCannotBeEmpty(String endpointName) {
		return new Problem(
				"The endpoint " + endpointName + " is invalid because an SNI configuration section has an "
						+ "empty string as its key. Use a wildcard ('*') SNI section to match all server names.",
				"Name the section after a host (a.example.org), a domain (*.example.org) or use '*'.");
	}

	public static Problem duplicateSniNames(String endpointName, Collection<String> names) {
		return new Problem("The SNI sections " + String.join(", ", names) + " of endpoint " + endpointName
				+ " name the same host: SNI names are compared ignoring case, and an internationalized name matches "
				+ "its punycode (xn--) form.", "Keep one of these sections.");
	}

	public static Problem unknownSniKey(String property) {
		return new Problem("Unknown SNI configuration key '" + property + "'.",
				"Write SNI settings as Kestrel.Endpoints.<Name>.Sni.<host>.<setting>, where <setting> is Protocols, "
						+ "SslProtocols, ClientCertificateMode or Certificate.<Path|KeyPath|Password|Subject|Store|"
						+ "Location|AllowInvalid|Bundle>; the host may be written with or without brackets "
						+ "([*.example.org]).");
	}

	public static Problem invalidSniSetting(String property, String reason) {
		return new Problem("Invalid SNI setting '" + property + "': " + reason + ".",
				"Fix the value; see Kestrel's schema for SNI sections.");
	}

	public static Problem sniInEnvironmentVariable(String variable) {
		return new Problem(
				"The environment variable " + variable + " sets an SNI section, but host names cannot be "
						+ "written in environment variable names, so it would be ignored.",
				"Set SNI sections in application.yml or .properties, on the command line "
						+ "(--Kestrel.Endpoints.<Name>.Sni.<host>.Protocols=Http1) or in SPRING_APPLICATION_JSON.");
	}

	public static String sniNotConfiguredForServerName(String serverName, String endpointName) {
		return "Connection refused because no SNI configuration section was found for '" + serverName + "' in '"
				+ endpointName + "'. To allow all connections, add a wildcard ('*') SNI section.";
	}

	public static String sniNotConfiguredToAllowNoServerName(String endpointName) {
		return "Connection refused because the client did not specify a server name, and no wildcard ('*') SNI "
				+ "configuration section was found in '" + endpointName + "'.";
	}

	public static String serverCertificateSelectorReturnedNull(String endpointName, String serverName) {
		return "Connection refused because the server certificate selector of '" + endpointName
				+ "' returned no certificate for '" + serverName + "'.";
	}

	public static String serverCertificateSelectorFailed(String endpointName, String serverName) {
		return "Connection refused because the server certificate selector of '" + endpointName + "' failed for '"
				+ serverName + "'.";
	}

	public static String selectedCertificateCannotServe(String endpointName, String thumbprint) {
		return "Connection refused on '" + endpointName + "': " + invalidServerCertificateEku(thumbprint).description();
	}

	public static String tlsHandshakeCallbackFailed(String endpointName, String serverName) {
		return "Connection refused because the TLS handshake callback of '" + endpointName + "' failed for '"
				+ serverName + "'.";
	}

	public static String tlsHandshakeCallbackReturnedNothing(String endpointName, String serverName) {
		return "Connection refused because the TLS handshake callback of '" + endpointName
				+ "' returned no options for '" + serverName + "'.";
	}

	public static String tlsHandshakeCallbackWithoutCertificate(String endpointName, String serverName) {
		return "Connection refused because the TLS handshake callback of '" + endpointName + "' returned options "
				+ "without a server certificate or certificate selector for '" + serverName + "'.";
	}

	public static String tlsContextFailed(String endpointName, String serverName) {
		return "Connection refused because the TLS context of '" + endpointName + "' for '" + serverName
				+ "' could not be built.";
	}

	public static String sniCertificatesDeferred(String endpointName, long count) {
		return "The SNI section of endpoint " + endpointName + " has " + count + " certificates: they load in the "
				+ "background after start-up. A certificate that cannot be loaded is logged as an error, and its host's "
				+ "connections are refused.";
	}

	public static String sniCertificatesLoaded(String endpointName, int loaded, int failed, long millis) {
		return "Loaded " + loaded + " SNI certificates of endpoint " + endpointName + " in " + millis + " ms"
				+ ((failed > 0) ? "; " + failed + " could not be loaded." : ".");
	}

	public static String sniCertificateFailed(String endpointName, String key, String reason) {
		return "The SNI certificate " + key + " of endpoint " + endpointName + " could not be loaded: " + reason;
	}

	public static String httpsConnectionFailed(String endpointName) {
		return "Failed to authenticate HTTPS connection. (" + endpointName + ")";
	}

	public static String httpsConnectionTimedOut(String endpointName) {
		return "Authentication of the HTTPS connection timed out. (" + endpointName + ")";
	}

	public static String httpsConnectionEstablished(String connectionId, String protocol) {
		return "Connection " + connectionId + " established using the following protocol: " + protocol;
	}

}
