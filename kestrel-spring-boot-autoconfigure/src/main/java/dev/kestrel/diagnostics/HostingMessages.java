package dev.kestrel.diagnostics;

/**
 * What the endpoints' request filters report: host filtering ({@code AllowedHosts}),
 * HTTPS redirection, HSTS, and Unix socket file modes.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}); texts taken
 * from ASP.NET Core keep its wording; no message ever contains a secret. Tests assert on
 * these methods, never on a copy of the text.
 */
public final class HostingMessages {

	private HostingMessages() {
	}

	public static Problem invalidAllowedHost(String key, String entry) {
		return new Problem("Invalid host name '" + entry + "' in " + key + ".",
				"Use ';'-separated host names: '*', 'example.org', '*.example.org', an IDN name, an IPv4 address "
						+ "or a bracketed IPv6 address ('[::1]'); no port, no scheme.");
	}

	public static Problem invalidUnixSocketPermissions(String key, String value) {
		return new Problem("Invalid " + key + " '" + value + "' (expected: an octal file mode, 0000-0777).",
				"Write the mode in octal, for example \"0660\" (owner and group) or \"0666\" (everyone).");
	}

	public static Problem unixSocketPermissionsOnTcpEndpoint(String endpointName) {
		return new Problem(
				"The endpoint " + endpointName + " sets UnixSocketPermissions but does not listen on a Unix socket.",
				"Remove UnixSocketPermissions, or use a Url of the form http://unix:/absolute/path.sock.");
	}

	public static Problem invalidRedirectStatusCode(int statusCode) {
		return new Problem(
				"Invalid kestrel.https-redirection.status-code " + statusCode + " (expected: 301, 302, 307 or 308).",
				"Use 307 (the default, Temporary Redirect) or 308 (Permanent Redirect), which keep the method.");
	}

	public static Problem invalidHttpsPort(String key, String value) {
		return new Problem("Invalid " + key + " '" + value + "' (expected: 1-65535).",
				"Set the HTTPS port clients are redirected to, for example 443.");
	}

	public static Problem invalidHstsMaxAge(String value) {
		return new Problem("Invalid kestrel.hsts.max-age " + value + " (expected: zero or more seconds).",
				"Use a duration such as 30d or 365d.");
	}

	public static String hostNotAllowed(String host, String endpointName) {
		return "The host '" + host + "' does not match an allowed host (endpoint " + endpointName + ").";
	}

	public static String emptyHostNotAllowed(String endpointName) {
		return "A request without a host was refused: AllowEmptyHosts is false (endpoint " + endpointName + ").";
	}

	public static String httpsPortNotDetermined() {
		return "Failed to determine the https port for redirect.";
	}

	public static String httpsPortAmbiguous() {
		return "Cannot determine the https port from the bound endpoints, multiple values were found. Set the "
				+ "desired port explicitly with kestrel.https-redirection.https-port.";
	}

	public static String redirectingToHttps(String location) {
		return "Redirecting to '" + location + "'.";
	}

}
