package dev.kestrel.internal.server;

import java.net.SocketAddress;
import java.util.List;

import dev.kestrel.options.ListenOptions;

import static java.util.Objects.requireNonNull;

/**
 * An endpoint after binding: its options and the addresses and port actually bound.
 *
 * @param listenOptions the endpoint's options
 * @param displayName the address as logged, with the real port
 * ({@code http://127.0.0.1:41234})
 * @param port the bound port, or {@code -1} for a Unix socket
 * @param addresses the TCP (or Unix) socket addresses bound (two for {@code localhost})
 * @param quicAddresses the UDP addresses bound for HTTP/3 (empty without HTTP/3)
 */
public record BoundEndpoint(ListenOptions listenOptions, String displayName, int port, List<SocketAddress> addresses,
		List<SocketAddress> quicAddresses) {

	public BoundEndpoint {
		requireNonNull(listenOptions, "listenOptions");
		requireNonNull(displayName, "displayName");
		addresses = List.copyOf(addresses);
		quicAddresses = List.copyOf(quicAddresses);
	}

	/**
	 * @return the endpoint name
	 */
	public String name() {
		return this.listenOptions.getName();
	}

	/**
	 * @return whether a QUIC listener serves HTTP/3 for this endpoint
	 */
	public boolean isHttp3() {
		return !this.quicAddresses.isEmpty();
	}

}
