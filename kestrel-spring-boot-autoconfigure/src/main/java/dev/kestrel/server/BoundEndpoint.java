package dev.kestrel.server;

import java.net.SocketAddress;
import java.util.List;

import dev.kestrel.options.ListenOptions;

import static java.util.Objects.requireNonNull;

/**
 * An endpoint after binding: its options and the addresses and port actually bound.
 *
 * @param listenOptions the endpoint's options
 * @param displayName the address as logged, with the real port ({@code http://127.0.0.1:41234})
 * @param port the bound TCP port, or {@code -1} for a Unix socket
 * @param addresses the socket addresses bound (two for {@code localhost})
 */
public record BoundEndpoint(ListenOptions listenOptions, String displayName, int port,
		List<SocketAddress> addresses) {

	public BoundEndpoint {
		requireNonNull(listenOptions, "listenOptions");
		requireNonNull(displayName, "displayName");
		addresses = List.copyOf(addresses);
	}

	/** @return the endpoint name */
	public String name() {
		return this.listenOptions.getName();
	}

}
