package dev.kestrel.diagnostics;

import java.util.Collection;

/**
 * Addresses, URLs, binding and the log lines of listening: what {@code internal.binding}
 * and {@code internal.server} report.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}): texts taken
 * from Kestrel keep Kestrel's wording; no message ever contains a password, a private key
 * or any other secret. Tests assert on these methods, never on a copy of the text.
 */
public final class BindingMessages {

	private BindingMessages() {
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

	public static String overridingWithPreferHostingUrls(Collection<String> urls) {
		return "Overriding endpoints defined via configuration and/or code because kestrel.prefer-hosting-urls is "
				+ "true. Binding to address(es) '" + String.join(", ", urls) + "' instead.";
	}

	/**
	 * The default binding's HTTPS endpoint, and how to trust or turn it off.
	 * @param address the address ({@code https://localhost:5001})
	 * @param subject the certificate's subject
	 * @param thumbprint the certificate's thumbprint
	 * @param development whether it is the development certificate (else
	 * {@code Certificates.Default})
	 * @return the log line
	 */
	public static String defaultHttpsEndpoint(String address, String subject, String thumbprint, boolean development) {
		String certificate = development ? "the development certificate" : "Certificates.Default";
		String trust = development ? "Trust it with 'java -jar kestrel-dev-certs.jar https --trust'"
				: "Clients must trust its issuer";
		return "No endpoints were configured: also binding " + address + " with " + certificate + " " + subject
				+ " (thumbprint " + thumbprint + "). " + trust + "; set kestrel.default-https=false to bind "
				+ "http://localhost:5000 only.";
	}

	public static String staleUnixSocketDeleted(String path) {
		return "Deleted the stale Unix socket file " + path + " left by a previous run.";
	}

}
