package dev.kestrel.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultEventExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.diagnostics.KestrelMessages;
import dev.kestrel.diagnostics.Problem;
import dev.kestrel.options.EndpointKind;
import dev.kestrel.options.ListenOptions;

/**
 * One endpoint bound as one or more Reactor Netty servers: {@code localhost} binds the IPv4 and the IPv6 loopback,
 * any-IP binds {@code [::]} (dual-stack) and falls back to {@code 0.0.0.0} without IPv6, an IP address or a Unix
 * socket binds once.
 */
final class EndpointServer {

	private static final Log logger = LogFactory.getLog(EndpointServer.class);

	private final ListenOptions options;

	private final Function<ListenOptions, HttpServer> serverFactory;

	private final Duration lifecycleTimeout;

	private final List<DisposableServer> servers = new ArrayList<>();

	EndpointServer(ListenOptions options, Function<ListenOptions, HttpServer> serverFactory,
			Duration lifecycleTimeout) {
		this.options = options;
		this.serverFactory = serverFactory;
		this.lifecycleTimeout = lifecycleTimeout;
	}

	/**
	 * Binds the endpoint. On failure nothing of this endpoint stays bound.
	 * @return the bound endpoint
	 * @throws EndpointBindException when the endpoint cannot be bound
	 */
	BoundEndpoint start() {
		try {
			return switch (this.options.getKind()) {
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
		SocketAddress address = new InetSocketAddress(this.options.getAddress(), this.options.getPort());
		DisposableServer server = bindOrFail(address, this.options.getDisplayName());
		return bound(this.options.getDisplayName(server.port()), server.port());
	}

	private BoundEndpoint bindLocalhost() {
		int port = this.options.getPort();
		List<Throwable> failures = new ArrayList<>();
		for (InetAddress loopback : new InetAddress[] { ipv4Loopback(), ipv6Loopback() }) {
			String family = (loopback.getAddress().length == 4) ? "IPv4" : "IPv6";
			try {
				this.servers.add(bind(new InetSocketAddress(loopback, port)));
			}
			catch (RuntimeException ex) {
				String display = this.options.getScheme() + "://"
						+ ((loopback.getAddress().length == 4) ? "127.0.0.1" : "[::1]") + ":" + port;
				if (BindFailures.isAddressInUse(ex)) {
					throw failure(display, KestrelMessages.addressInUse(display), ex);
				}
				logger.warn(KestrelMessages.loopbackFamilyUnavailable(this.options.getDisplayName(), family,
						BindFailures.reason(ex)));
				failures.add(ex);
			}
		}
		if (this.servers.isEmpty()) {
			String display = this.options.getDisplayName();
			throw failure(display, KestrelMessages.addressBindingFailed(display, BindFailures.reason(failures.get(0))),
					failures.get(0));
		}
		return bound(this.options.getDisplayName(port), port);
	}

	private BoundEndpoint bindAnyIp() {
		int port = this.options.getPort();
		try {
			DisposableServer server = bind(new InetSocketAddress(ipv6Any(), port));
			this.servers.add(server);
			return bound(this.options.getDisplayName(server.port()), server.port());
		}
		catch (RuntimeException ex) {
			String display = this.options.getDisplayName();
			if (BindFailures.isAddressInUse(ex)) {
				throw failure(display, KestrelMessages.addressInUse(display), ex);
			}
			logger.info(KestrelMessages.ipv6AnyFallback(port));
		}
		String display = this.options.getScheme() + "://0.0.0.0:" + port;
		DisposableServer server = bindOrFail(new InetSocketAddress("0.0.0.0", port), display);
		return bound(this.options.getScheme() + "://0.0.0.0:" + server.port(), server.port());
	}

	private BoundEndpoint bindUnixSocket() {
		String path = this.options.getUnixSocketPath();
		String display = this.options.getDisplayName();
		switch (UnixSockets.prepare(path)) {
			case IN_USE -> throw failure(display, KestrelMessages.addressInUse(display), null);
			case NOT_A_SOCKET -> throw failure(display,
					KestrelMessages.addressBindingFailed(display, "the path exists and is not a socket"), null);
			case STALE_DELETED -> logger.info(KestrelMessages.staleUnixSocketDeleted(path));
			case FREE -> {
			}
		}
		bindOrFail(UnixSockets.address(path), display);
		return bound(display, -1);
	}

	private DisposableServer bindOrFail(SocketAddress address, String display) {
		try {
			DisposableServer server = bind(address);
			this.servers.add(server);
			return server;
		}
		catch (RuntimeException ex) {
			Problem problem = BindFailures.isAddressInUse(ex) ? KestrelMessages.addressInUse(display)
					: KestrelMessages.addressBindingFailed(display, BindFailures.reason(ex));
			throw failure(display, problem, ex);
		}
	}

	private DisposableServer bind(SocketAddress address) {
		HttpServer server = this.serverFactory.apply(this.options)
			.channelGroup(new DefaultChannelGroup(new DefaultEventExecutor()))
			.bindAddress(() -> address);
		return (this.lifecycleTimeout != null) ? server.bindNow(this.lifecycleTimeout) : server.bindNow();
	}

	private BoundEndpoint bound(String displayName, int port) {
		List<SocketAddress> addresses = this.servers.stream().map(DisposableServer::address)
			.map(SocketAddress.class::cast).toList();
		return new BoundEndpoint(this.options, displayName, port, addresses);
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

	/** @return the servers bound for this endpoint */
	List<DisposableServer> servers() {
		return List.copyOf(this.servers);
	}

	/** @return whether this endpoint listens on a Unix socket */
	boolean isUnixSocket() {
		return this.options.getKind() == EndpointKind.UNIX_SOCKET;
	}

	/**
	 * Stops at once: closes the listeners and every connection (bounded by the lifecycle timeout).
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
	}

	private static InetAddress ipv4Loopback() {
		return InetAddressHolder.IPV4_LOOPBACK;
	}

	private static InetAddress ipv6Loopback() {
		return InetAddressHolder.IPV6_LOOPBACK;
	}

	private static InetAddress ipv6Any() {
		return InetAddressHolder.IPV6_ANY;
	}

	private static final class InetAddressHolder {

		static final InetAddress IPV4_LOOPBACK = of(new byte[] { 127, 0, 0, 1 });

		static final InetAddress IPV6_LOOPBACK = of(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 });

		static final InetAddress IPV6_ANY = of(new byte[16]);

		private static InetAddress of(byte[] bytes) {
			try {
				return InetAddress.getByAddress(bytes);
			}
			catch (java.net.UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
