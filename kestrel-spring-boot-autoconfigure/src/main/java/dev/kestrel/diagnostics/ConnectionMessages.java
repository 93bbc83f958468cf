package dev.kestrel.diagnostics;

/**
 * Connection handling: connection middleware, connection logging, contributed channel
 * handlers and the PROXY protocol.
 * <p>
 * One catalogue of user-facing messages per domain (see {@link Problem}); no message ever
 * contains a password, a private key or any other secret. Tests assert on these methods,
 * never on a copy of the text.
 */
public final class ConnectionMessages {

	private ConnectionMessages() {
	}

	public static String refusedByMiddleware(String connectionId, String endpointName, String reason) {
		return "Connection id \"" + connectionId + "\" on " + endpointName
				+ " closed by connection middleware before it reached the server: " + reason;
	}

	public static String middlewareFailed(String connectionId, String endpointName) {
		return "Connection middleware failed on connection id \"" + connectionId + "\" (" + endpointName
				+ "); the connection was closed.";
	}

	public static String proxyHeaderFromUntrustedPeer(String connectionId, String endpointName, String peer) {
		return "Connection id \"" + connectionId + "\" on " + endpointName + " refused: " + peer
				+ " is not in TrustedProxies, so its PROXY protocol header cannot be believed.";
	}

	public static String proxyHeaderIgnoredFromUntrustedPeer(String connectionId, String endpointName, String peer) {
		return "Connection id \"" + connectionId + "\" on " + endpointName + ": " + peer
				+ " is not in TrustedProxies; a PROXY protocol header from it is not read (ProxyProtocol: Auto).";
	}

	public static String proxyHeaderInvalid(String connectionId, String endpointName, String peer, String reason) {
		return "Connection id \"" + connectionId + "\" on " + endpointName + " from " + peer
				+ " closed: invalid PROXY protocol header (" + reason + ").";
	}

	public static String proxyHeaderMissing(String connectionId, String endpointName, String peer) {
		return "Connection id \"" + connectionId + "\" on " + endpointName + " from " + peer
				+ " closed: ProxyProtocol is On and the connection did not start with a PROXY protocol header.";
	}

	public static String everyPeerTrusted(String endpointName, String mode) {
		return "Endpoint " + endpointName + " reads PROXY protocol headers (ProxyProtocol: " + mode
				+ ") from any peer: anyone who can connect can claim any client address. Set " + "Kestrel.Endpoints."
				+ endpointName + ".TrustedProxies to your load balancers' addresses.";
	}

	public static String http3WithoutConnectionHandlers(String endpointName) {
		return "Endpoint " + endpointName + " serves HTTP/3: its connection middleware run once per QUIC connection "
				+ "after the QUIC handshake, but its channel handlers and connection logging see only its TCP "
				+ "connections (QUIC packets are encrypted per datagram).";
	}

	public static Problem invalidProxyProtocol(String key, String value) {
		return new Problem("Invalid value '" + value + "' for '" + key + "'.", "Set ProxyProtocol to Off, On or Auto.");
	}

	public static Problem invalidTrustedProxy(String key, String reason) {
		return new Problem("Invalid entry in '" + key + "': " + reason + ".",
				"List IP addresses or CIDR networks, e.g. [10.0.0.0/8, \"::1\"]; host names are not resolved.");
	}

	public static Problem endpointOnlyKeyInSni(String property, String setting) {
		return new Problem(
				"'" + property + "' sets " + setting + " for an SNI entry, but " + setting
						+ " applies to whole connections: they exist before the client hello names a host.",
				"Set " + setting + " on the endpoint (Kestrel.Endpoints.<Name>." + setting
						+ ") or in Kestrel.EndpointDefaults.");
	}

	public static Problem duplicateChannelHandler(String endpointName, String name) {
		return new Problem("Endpoint " + endpointName + " has two channel handlers named '" + name + "'.",
				"Give each handler of an endpoint its own name.");
	}

}
