package dev.kestrel.internal.connections;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;

import dev.kestrel.connections.ConnectionContext;
import dev.kestrel.connections.KestrelRequests;

/**
 * The {@link ConnectionContext} of one Netty connection, kept as the channel's
 * {@link KestrelRequests#CONNECTION} attribute. A PROXY protocol header replaces the
 * addresses ({@link #proxied(SocketAddress, SocketAddress)}); features are added as the
 * connection learns them.
 */
public final class KestrelConnection implements ConnectionContext {

	private final Channel channel;

	private final String endpointName;

	private final Map<Object, Object> items = new ConcurrentHashMap<>();

	private final Map<Class<?>, Object> features = new ConcurrentHashMap<>();

	private volatile SocketAddress localAddress;

	private volatile SocketAddress remoteAddress;

	private volatile InetSocketAddress proxiedSource;

	private KestrelConnection(Channel channel, String endpointName) {
		this.channel = channel;
		this.endpointName = endpointName;
		this.localAddress = channel.localAddress();
		this.remoteAddress = channel.remoteAddress();
	}

	/**
	 * Creates the connection of a channel and attaches it.
	 * @param channel the channel
	 * @param endpointName the endpoint name
	 * @return the connection
	 */
	public static KestrelConnection attach(Channel channel, String endpointName) {
		KestrelConnection connection = new KestrelConnection(channel, endpointName);
		channel.attr(KestrelRequests.CONNECTION).set(connection);
		return connection;
	}

	/**
	 * @param channel a channel
	 * @return the connection attached to the channel or its parents, if any
	 */
	public static Optional<KestrelConnection> of(Channel channel) {
		for (Channel current = channel; current != null; current = current.parent()) {
			ConnectionContext connection = current.attr(KestrelRequests.CONNECTION).get();
			if (connection instanceof KestrelConnection kestrel) {
				return Optional.of(kestrel);
			}
		}
		return Optional.empty();
	}

	@Override
	public String connectionId() {
		return this.channel.id().asShortText();
	}

	@Override
	public String endpointName() {
		return this.endpointName;
	}

	@Override
	public SocketAddress localAddress() {
		return this.localAddress;
	}

	@Override
	public SocketAddress remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public Map<Object, Object> items() {
		return this.items;
	}

	@Override
	public <T> Optional<T> feature(Class<T> type) {
		return Optional.ofNullable(type.cast(this.features.get(type)));
	}

	/**
	 * Adds (or replaces) a feature.
	 * @param <T> the feature type
	 * @param type the type applications ask for
	 * @param feature the feature
	 */
	public <T> void feature(Class<T> type, T feature) {
		this.features.put(type, feature);
	}

	/**
	 * Takes the addresses of a PROXY protocol header.
	 * @param source the client's address
	 * @param destination the address the client connected to
	 */
	void proxied(InetSocketAddress source, InetSocketAddress destination) {
		this.remoteAddress = source;
		this.localAddress = destination;
		this.proxiedSource = source;
	}

	/**
	 * @return the PROXY protocol header's source, or {@code null} when the connection had
	 * none (or a {@code LOCAL} one)
	 */
	InetSocketAddress proxiedSource() {
		return this.proxiedSource;
	}

	/**
	 * @return the socket's own peer (the proxy, when there is a PROXY header)
	 */
	SocketAddress socketPeer() {
		return this.channel.remoteAddress();
	}

	@Override
	public void abort() {
		this.channel.close();
	}

	/**
	 * @return the channel
	 */
	Channel channel() {
		return this.channel;
	}

	@Override
	public String toString() {
		return "connection " + connectionId() + " on " + this.endpointName + " from " + this.remoteAddress;
	}

}
