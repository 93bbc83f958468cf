package dev.kestrel.internal.server;

import java.io.IOException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultEventExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.Problem;
import dev.kestrel.internal.binding.PlannedEndpoint;
import dev.kestrel.options.ListenOptions;

/**
 * One endpoint bound as one or more Reactor Netty servers: {@code localhost} binds the
 * IPv4 and the IPv6 loopback, any-IP binds {@code [::]} (dual-stack) and falls back to
 * {@code 0.0.0.0} without IPv6, an IP address or a Unix socket binds once. An endpoint
 * with HTTP/3 binds a QUIC (UDP) server on the same address and port as its TCP one.
 */
final class EndpointServer {

	private static final Log logger = LogFactory.getLog(EndpointServer.class);

	private static final InetAddress IPV4_LOOPBACK = address(new byte[] { 127, 0, 0, 1 });

	private static final InetAddress IPV6_LOOPBACK = address(
			new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 });

	private static final InetAddress IPV6_ANY = address(new byte[16]);

	private static final InetAddress IPV4_ANY = address(new byte[4]);

	private final PlannedEndpoint endpoint;

	private final ListenOptions options;

	private final HttpServer tcp;

	private final HttpServer quic;

	private final Duration lifecycleTimeout;

	private final List<DisposableServer> servers = new ArrayList<>();

	private final List<SocketAddress> tcpAddresses = new ArrayList<>();

	private final List<SocketAddress> quicAddresses = new ArrayList<>();

	/**
	 * @param options the endpoint
	 * @param tcp the configured TCP server, or {@code null} for an HTTP/3-only endpoint
	 * @param quic the configured QUIC server, or {@code null} without HTTP/3
	 * @param lifecycleTimeout bounds bind and stop, or {@code null} for Reactor Netty's
	 * default
	 */
	EndpointServer(PlannedEndpoint endpoint, HttpServer tcp, HttpServer quic, Duration lifecycleTimeout) {
		this.endpoint = endpoint;
		this.options = endpoint.options();
		this.tcp = tcp;
		this.quic = quic;
		this.lifecycleTimeout = lifecycleTimeout;
	}

	/**
	 * Binds the endpoint. On failure nothing of this endpoint stays bound.
	 * @return the bound endpoint
	 * @throws EndpointBindException when the endpoint cannot be bound
	 */
	BoundEndpoint start() {
		try {
			return switch (this.endpoint.kind()) {
				case IP -> bindIp();
				case LOCALHOST -> bindLocalhost();
				case ANY_IP -> bindAnyIp();
				case UNIX_SOCKET -> bindUnixSocket();
			};
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	private BoundEndpoint bindIp() {
		int port = bindAt(this.endpoint.address(), this.endpoint.port(), this.endpoint.displayName());
		return bound(this.endpoint.displayName(port), port);
	}

	private BoundEndpoint bindLocalhost() {
		int port = this.endpoint.port();
		List<RuntimeException> failures = new ArrayList<>();
		for (InetAddress loopback : new InetAddress[] { IPV4_LOOPBACK, IPV6_LOOPBACK }) {
			boolean ipv4 = loopback.getAddress().length == 4;
			String display = this.options.getScheme() + "://" + (ipv4 ? "127.0.0.1" : "[::1]") + ":" + port;
			try {
				bindAt(loopback, port, display);
			}
			catch (EndpointBindException ex) {
				if (BindFailures.isAddressInUse(ex)) {
					throw ex;
				}
				logger.warn(BindingMessages.loopbackFamilyUnavailable(this.endpoint.displayName(),
						ipv4 ? "IPv4" : "IPv6", BindFailures.reason(ex)));
				failures.add(ex);
			}
		}
		if (this.servers.isEmpty()) {
			String display = this.endpoint.displayName();
			throw failure(display, BindingMessages.addressBindingFailed(display, BindFailures.reason(failures.get(0))),
					failures.get(0));
		}
		return bound(this.endpoint.displayName(port), port);
	}

	private BoundEndpoint bindAnyIp() {
		int port = this.endpoint.port();
		try {
			int bound = bindAt(IPV6_ANY, port, this.endpoint.displayName());
			return bound(this.endpoint.displayName(bound), bound);
		}
		catch (EndpointBindException ex) {
			if (BindFailures.isAddressInUse(ex)) {
				throw ex;
			}
			logger.info(BindingMessages.ipv6AnyFallback(port));
		}
		int bound = bindAt(IPV4_ANY, port, this.options.getScheme() + "://0.0.0.0:" + port);
		return bound(this.options.getScheme() + "://0.0.0.0:" + bound, bound);
	}

	private BoundEndpoint bindUnixSocket() {
		String path = this.options.getUnixSocketPath();
		String display = this.endpoint.displayName();
		switch (UnixSockets.prepare(path)) {
			case IN_USE -> throw failure(display, BindingMessages.addressInUse(display), null);
			case NOT_A_SOCKET -> throw failure(display,
					BindingMessages.addressBindingFailed(display, "the path exists and is not a socket"), null);
			case STALE_DELETED -> logger.info(BindingMessages.staleUnixSocketDeleted(path));
			case FREE -> {
			}
		}
		this.tcpAddresses.add(bindOrFail(this.tcp, UnixSockets.address(path), display).address());
		if (this.options.getUnixSocketPermissions() != null) {
			try {
				UnixSockets.setPermissions(path, this.options.getUnixSocketPermissions());
			}
			catch (IOException | UnsupportedOperationException ex) {
				throw failure(display,
						BindingMessages.addressBindingFailed(display,
								"cannot set the socket file's permissions (UnixSocketPermissions): " + ex.getMessage()),
						ex);
			}
		}
		return bound(display, -1);
	}

	/**
	 * Binds TCP then, on the port TCP got, QUIC.
	 * @return the bound port
	 */
	private int bindAt(InetAddress address, int port, String display) {
		int bound = port;
		if (this.tcp != null) {
			DisposableServer server = bindOrFail(this.tcp, new InetSocketAddress(address, port), display);
			this.tcpAddresses.add(server.address());
			bound = server.port();
		}
		if (this.quic != null) {
			DisposableServer server = bindOrFail(this.quic, new InetSocketAddress(address, bound), display);
			this.quicAddresses.add(server.address());
			bound = server.port();
		}
		return bound;
	}

	private DisposableServer bindOrFail(HttpServer template, SocketAddress address, String display) {
		try {
			HttpServer server = template.channelGroup(new DefaultChannelGroup(new DefaultEventExecutor()))
				.bindAddress(() -> address);
			DisposableServer bound = (this.lifecycleTimeout != null) ? server.bindNow(this.lifecycleTimeout)
					: server.bindNow();
			this.servers.add(bound);
			return bound;
		}
		catch (RuntimeException ex) {
			Problem problem = BindFailures.isAddressInUse(ex) ? BindingMessages.addressInUse(display)
					: BindingMessages.addressBindingFailed(display, BindFailures.reason(ex));
			throw failure(display, problem, ex);
		}
	}

	private BoundEndpoint bound(String displayName, int port) {
		return new BoundEndpoint(this.options, displayName, port, this.tcpAddresses, this.quicAddresses);
	}

	private EndpointBindException failure(String display, Problem problem, Throwable cause) {
		return new EndpointBindException(this.options.getName(), configurationKey(this.options), display, problem,
				cause);
	}

	static String configurationKey(ListenOptions options) {
		return switch (options.getSource()) {
			case CONFIGURATION -> "kestrel.endpoints." + options.getName() + ".url";
			case URLS -> "urls";
			case SERVER_PORT -> "server.port";
			default -> null;
		};
	}

	/**
	 * @return the servers bound for this endpoint (TCP and QUIC)
	 */
	List<DisposableServer> servers() {
		return List.copyOf(this.servers);
	}

	/**
	 * Stops at once: closes the listeners and every connection (bounded by the lifecycle
	 * timeout).
	 */
	void stop() {
		for (DisposableServer server : this.servers) {
			try {
				if (this.lifecycleTimeout != null) {
					server.disposeNow(this.lifecycleTimeout);
				}
				else {
					server.disposeNow();
				}
			}
			catch (IllegalStateException ex) {
				// timed out: the connections are closed by the event loop regardless
			}
		}
		this.servers.clear();
		this.tcpAddresses.clear();
		this.quicAddresses.clear();
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
