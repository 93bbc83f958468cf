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

	// ---------------------------------------------------------------- development certificate (HTTPS issue)

}
