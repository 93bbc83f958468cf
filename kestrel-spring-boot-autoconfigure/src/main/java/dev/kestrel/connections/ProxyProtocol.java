package dev.kestrel.connections;

/**
 * Whether an endpoint reads a PROXY protocol header (HAProxy's protocol, versions 1 and
 * 2) in front of each connection, as sent by HAProxy ({@code send-proxy},
 * {@code send-proxy-v2}), nginx ({@code proxy_protocol on}) or a cloud load balancer.
 * Configuration key {@code ProxyProtocol}: {@code Off}, {@code On} or {@code Auto}.
 */
public enum ProxyProtocol {

	/**
	 * No header is read (the default): the first bytes are TLS or HTTP.
	 */
	OFF("Off"),

	/**
	 * Every connection starts with a header; a connection without a valid one, or from a
	 * peer outside {@code TrustedProxies}, is closed.
	 */
	ON("On"),

	/**
	 * A connection may start with a header: it is read when present and the peer is
	 * trusted; otherwise the connection goes on as if there were none.
	 */
	AUTO("Auto");

	private final String configurationName;

	ProxyProtocol(String configurationName) {
		this.configurationName = configurationName;
	}

	/**
	 * @return the name used in configuration ({@code Off}, {@code On}, {@code Auto})
	 */
	public String configurationName() {
		return this.configurationName;
	}

	/**
	 * Parses a configuration value, ignoring case.
	 * @param value the value
	 * @return the mode
	 * @throws IllegalArgumentException for anything but {@code Off}, {@code On} and
	 * {@code Auto}
	 */
	public static ProxyProtocol parse(String value) {
		for (ProxyProtocol mode : values()) {
			if (mode.configurationName.equalsIgnoreCase(value.trim())) {
				return mode;
			}
		}
		throw new IllegalArgumentException("ProxyProtocol: " + value + " (expected: Off, On or Auto)");
	}

}
