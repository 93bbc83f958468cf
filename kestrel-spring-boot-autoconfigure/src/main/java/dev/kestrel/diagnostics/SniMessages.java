package dev.kestrel.diagnostics;

import java.util.Collection;

/**
 * SNI and per-connection TLS: host-name maps, certificate selectors, TLS handshake
 * callbacks and connection logs.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}): texts taken
 * from Kestrel keep Kestrel's wording; no message ever contains a password, a private key
 * or any other secret. Tests assert on these methods, never on a copy of the text.
 */
public final class SniMessages {

	private SniMessages() {
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
		return "Connection refused on '" + endpointName + "': "
				+ CertificateMessages.invalidServerCertificateEku(thumbprint).description();
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
