package dev.kestrel.internal.metrics;

import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

import io.micrometer.core.instrument.Tags;
import io.netty.channel.Channel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.NetUtil;

/**
 * The tags every Kestrel meter carries: {@code endpoint} (the endpoint name, the
 * starter's addition), {@code server.address}, {@code server.port},
 * {@code network.transport} ({@code tcp}, {@code udp}, {@code unix}) and
 * {@code network.type} ({@code ipv4}, {@code ipv6}; empty for Unix sockets), from the
 * address the endpoint listens on.
 */
final class EndpointTags {

	static final String ENDPOINT = "endpoint";

	private EndpointTags() {
	}

	/**
	 * @param endpointName the endpoint
	 * @param connection a connection's channel (its parent is the listening channel)
	 * @param quic whether it is a QUIC connection
	 * @return the tags
	 */
	static Tags of(String endpointName, Channel connection, boolean quic) {
		SocketAddress listening = (connection.parent() != null) ? connection.parent().localAddress()
				: connection.localAddress();
		if (!(listening instanceof InetSocketAddress) && !isUnix(listening)) {
			listening = connection.localAddress();
		}
		if (listening instanceof InetSocketAddress inet) {
			InetAddress address = inet.getAddress();
			return Tags.of(ENDPOINT, endpointName, "server.address", NetUtil.toAddressString(address), "server.port",
					String.valueOf(inet.getPort()), "network.transport", quic ? "udp" : "tcp", "network.type",
					(address instanceof Inet6Address) ? "ipv6" : "ipv4");
		}
		return Tags.of(ENDPOINT, endpointName, "server.address", unixPath(listening), "server.port", "",
				"network.transport", "unix", "network.type", "");
	}

	private static boolean isUnix(SocketAddress address) {
		return address instanceof DomainSocketAddress || address instanceof UnixDomainSocketAddress;
	}

	private static String unixPath(SocketAddress address) {
		if (address instanceof DomainSocketAddress domain) {
			return domain.path();
		}
		if (address instanceof UnixDomainSocketAddress unix) {
			return unix.getPath().toString();
		}
		return String.valueOf(address);
	}

}
