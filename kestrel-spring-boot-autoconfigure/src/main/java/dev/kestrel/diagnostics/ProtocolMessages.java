package dev.kestrel.diagnostics;

import java.util.List;
import java.time.Duration;

/**
 * HTTP protocols: Kestrel's HTTP/2-over-TLS rules, h2c and HTTP/3.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}): texts taken
 * from Kestrel keep Kestrel's wording; no message ever contains a password, a private key
 * or any other secret. Tests assert on these methods, never on a copy of the text.
 */
public final class ProtocolMessages {

	private ProtocolMessages() {
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

	public static String requestLineTooLong() {
		return "Request line too long.";
	}

	public static String headersExceedMaxTotalSize() {
		return "Request headers too long.";
	}

	public static String tooManyHeaders() {
		return "Request contains too many headers.";
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

}
