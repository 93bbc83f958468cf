package dev.kestrel.diagnostics;

import java.util.List;

/**
 * TLS engines, session resumption and OCSP stapling: which engine serves, why another was
 * skipped, session-ticket key files and stapled OCSP responses.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}); no message ever
 * contains key material.
 */
public final class TlsMessages {

	private TlsMessages() {
	}

	// ---------------------------------------------------------------- engines

	public static Problem invalidTlsEngine(String value) {
		return new Problem("Invalid TLS engine '" + value + "' (expected: auto, openssl, boringssl or jdk).",
				"Use one of the listed values; case does not matter.");
	}

	public static String engineChosen(String engine, String version, List<String> skipped) {
		return "TLS engine: " + engine + " (" + version + ")"
				+ (skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", skipped));
	}

	public static String engineSkipped(String engine, String reason) {
		return engine + ": " + reason;
	}

	public static Problem engineUnavailable(String engine, List<String> reasons) {
		return new Problem("The TLS engine '" + engine + "' cannot load: " + String.join("; ", reasons) + ".",
				"Install what it needs (OpenSSL 3.2 or later and libapr1 for 'openssl'; "
						+ "io.netty:netty-tcnative-boringssl-static for 'boringssl'), or set kestrel.tls.engine=auto.");
	}

	public static Problem engineAlreadyChosen(String requested, String loaded) {
		return new Problem(
				"The TLS engine '" + requested + "' was asked for, but this JVM already runs " + loaded
						+ ": only one native TLS library can load per process.",
				"Use the same kestrel.tls.engine in every application of this JVM, or 'auto'.");
	}

	public static Problem endpointEngineUnavailable(String endpointName, String requested, String process) {
		return new Problem(
				"The endpoint " + endpointName + " asks for the TLS engine '" + requested + "', but this process runs "
						+ process + ".",
				"Set TlsEngine to Jdk or leave it unset (the process-wide kestrel.tls.engine), or change "
						+ "kestrel.tls.engine.");
	}

	public static String libsslNotFound() {
		return "libssl.so.3 not found (Debian: apt-get install libssl3)";
	}

	public static String libaprNotFound() {
		return "libapr-1.so.0 not found (Debian: apt-get install libapr1)";
	}

	public static String opensslTooOld(String missing) {
		return "the host's libssl.so.3 is older than this netty-tcnative needs (" + missing
				+ " not found; OpenSSL 3.2 or later, Debian 13 / Fedora 40 / Ubuntu 24.10)";
	}

	public static String notOnClassPath(String artifact) {
		return artifact + " is not on the class path";
	}

	public static String nettyInitialisedFirst() {
		return "Netty's OpenSsl was initialised before the starter chose the engine (a TLS context was built "
				+ "before the application started)";
	}

	public static String openSslDisabled() {
		return "disabled by -Dio.netty.handler.ssl.noOpenSsl=true";
	}

	public static String jdkEngineSettings(String version, boolean groupsPerEngine) {
		return "JDK TLS engine (Java " + version + "): client-initiated renegotiation refused"
				+ (groupsPerEngine ? "; groups X25519, P-256, P-384 per endpoint"
						: "; key-exchange groups are the JVM's (set jdk.tls.namedGroups=x25519,secp256r1,secp384r1 "
								+ "to limit them: Java 17 has no per-endpoint setting)");
	}

	// ---------------------------------------------------------------- session tickets

	public static Problem sessionTicketKeysUnreadable(String file, String reason) {
		return new Problem("The session-ticket key file '" + file + "' cannot be read (" + reason + ").",
				"Check kestrel.tls.session-ticket-keys: the file must exist and be readable by the application.");
	}

	public static Problem sessionTicketKeysWrongSize(String file, int size) {
		return new Problem(
				"The session-ticket key file '" + file + "' has " + size
						+ " bytes (expected: one or more 48-byte keys, nginx's ssl_session_ticket_key format).",
				"Create it with 'openssl rand 48 > " + file + "' (several keys may be concatenated; the first "
						+ "encrypts).");
	}

	public static Problem sessionTicketKeysTooLong(String file) {
		return new Problem("The session-ticket key file '" + file
				+ "' holds 80-byte (AES-256) keys, which the OpenSSL/BoringSSL engines' ticket API cannot take.",
				"Use 48-byte keys: 'openssl rand 48 > " + file + "'.");
	}

	public static Problem sessionTicketKeysWithJdkEngine(String endpointName) {
		return new Problem(
				"kestrel.tls.session-ticket-keys is set, but the endpoint " + endpointName
						+ " runs on the JDK TLS engine, which has no session-ticket key API.",
				"Use the OpenSSL or BoringSSL engine (kestrel.tls.engine, the endpoint's TlsEngine), or remove "
						+ "kestrel.tls.session-ticket-keys.");
	}

	public static Problem sessionTicketsOffWithJdkEngine(String endpointName) {
		return new Problem(
				"SessionTickets: false is set on the endpoint " + endpointName
						+ ", but it runs on the JDK TLS engine, which cannot turn tickets off per endpoint.",
				"Use the OpenSSL or BoringSSL engine, or set -Djdk.tls.server.enableSessionTicketExtension=false "
						+ "(JVM-wide) and remove SessionTickets.");
	}

	public static String sessionTicketKeysReloaded(String file, int count) {
		return "Session-ticket keys reloaded from " + file + " (" + count + " key" + ((count == 1) ? "" : "s") + ")";
	}

	public static String sessionTicketKeysNotReloaded(String file, String reason) {
		return "Session-ticket keys kept: " + file + " changed but cannot be used: " + reason;
	}

	// ---------------------------------------------------------------- OCSP stapling

	public static String ocspResponderFailed(String endpointName, String subject, String url, String reason) {
		return "OCSP stapling of '" + subject + "' (endpoint " + endpointName + ") paused: the responder " + url
				+ " failed (" + reason + "); handshakes go on without a stapled response, retrying in the background";
	}

	public static String ocspResponderRecovered(String endpointName, String subject, String url) {
		return "OCSP stapling of '" + subject + "' (endpoint " + endpointName + ") resumed: " + url + " answered";
	}

	public static String ocspIssuerMissing(String endpointName, String subject) {
		return "OCSP stapling of '" + subject + "' (endpoint " + endpointName
				+ ") is off: its issuer is not in the chain the endpoint sends, so no OCSP request can be built "
				+ "(add the intermediate to the certificate file)";
	}

}
