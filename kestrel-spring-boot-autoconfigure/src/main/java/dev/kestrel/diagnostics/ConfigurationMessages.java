package dev.kestrel.diagnostics;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The configuration schema: unknown, invalid, unsupported and duplicate keys, and Spring
 * Boot settings the starter refuses.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}): texts taken
 * from Kestrel keep Kestrel's wording; no message ever contains a password, a private key
 * or any other secret. Tests assert on these methods, never on a copy of the text.
 */
public final class ConfigurationMessages {

	private ConfigurationMessages() {
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

}
