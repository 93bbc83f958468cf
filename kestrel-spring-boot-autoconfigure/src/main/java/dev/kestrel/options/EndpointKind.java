package dev.kestrel.options;

/**
 * What an endpoint listens on.
 */
public enum EndpointKind {

	/** One IP address (IPv4 or IPv6, including {@code 0.0.0.0} and {@code [::]}). */
	IP,

	/** The IPv4 and the IPv6 loopback address ({@code localhost}). */
	LOCALHOST,

	/**
	 * Every IPv4 and IPv6 address: {@code [::]} dual-stack, falling back to
	 * {@code 0.0.0.0} without IPv6.
	 */
	ANY_IP,

	/** A Unix domain socket. */
	UNIX_SOCKET

}
