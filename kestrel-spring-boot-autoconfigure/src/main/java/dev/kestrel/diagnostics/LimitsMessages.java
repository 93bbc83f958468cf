package dev.kestrel.diagnostics;

/**
 * Kestrel's limits: invalid and unsupported values at startup, and what the server logs
 * when a limit is hit.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}): texts taken
 * from Kestrel keep Kestrel's wording; no message ever contains a password, a private key
 * or any other secret. Tests assert on these methods, never on a copy of the text.
 */
public final class LimitsMessages {

	private LimitsMessages() {
	}

	// ---------------------------------------------------------------- startup

	public static Problem invalidLimit(String key, String reason) {
		return new Problem("The limit '" + key + "' has an invalid value: " + reason + ".",
				"Fix the value; README.md lists each limit with its range and default.");
	}

	public static Problem limitNotSupported(String key, String reason) {
		return new Problem(
				"The limit '" + key + "' cannot be honoured exactly by this version of "
						+ "kestrel-spring-boot-starter: " + reason + ".",
				"Remove the key (Kestrel's default then applies as README.md describes it).");
	}

	public static Problem limitNotPerHost(String key) {
		return new Problem("The limit '" + key + "' cannot be set per SNI host: it applies to the whole connection.",
				"Set it on the endpoint (Kestrel.Endpoints.<Name>.Limits) or globally (Kestrel.Limits).");
	}

	public static Problem requestBufferTooSmall(String key, long bufferSize, String otherKey, long otherSize) {
		return new Problem("Maximum request buffer size (" + bufferSize + ") must be greater than or equal to "
				+ otherKey + " (" + otherSize + ").", "Raise " + key + " or lower " + otherKey + ".");
	}

	public static Problem serverHeadSizeReplaced(String property, String kestrelKey) {
		return new Problem(
				"'" + property + "' is set, but Kestrel endpoints apply Kestrel's limits, which count "
						+ "request heads differently (CRLFs included), so the value cannot be applied exactly.",
				"Remove '" + property + "' and set " + kestrelKey + " instead.");
	}

	// ---------------------------------------------------------------- runtime

	public static String connectionRejected(String connectionId) {
		return "Connection id \"" + connectionId
				+ "\" rejected because the maximum number of concurrent connections has been reached.";
	}

	public static String connectionsRejected(String endpointName, long count, long limit) {
		return count + " connection(s) to endpoint " + endpointName
				+ " rejected because the maximum number of concurrent connections (" + limit + ") has been reached.";
	}

	public static String requestBodyTooLarge(long limit) {
		return "Request body too large. The max request body size is " + limit + " bytes.";
	}

	public static String maxRequestBodySizeReadOnly() {
		return "The maximum request body size cannot be modified after the app has already started reading from "
				+ "the request body.";
	}

}
