package dev.kestrel.connections;

import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * One connection, as connection middleware sees it (Kestrel's {@code ConnectionContext}).
 * The same object is available to the application through
 * {@link KestrelRequests#connection(org.springframework.http.server.reactive.ServerHttpRequest)}.
 */
public interface ConnectionContext {

	/**
	 * @return the connection id, as Reactor Netty prints it in its logs (e.g.
	 * {@code 9d4c9a2e})
	 */
	String connectionId();

	/**
	 * @return the name of the endpoint that accepted the connection
	 */
	String endpointName();

	/**
	 * @return the local address: the PROXY protocol header's destination when the
	 * endpoint reads one, else the socket's own address
	 */
	SocketAddress localAddress();

	/**
	 * @return the client's address: the PROXY protocol header's source when the endpoint
	 * reads one, else the socket's peer (a Unix-socket peer has no address to speak of)
	 */
	SocketAddress remoteAddress();

	/**
	 * @return items shared by the middleware and the application for this connection
	 * (Kestrel's {@code Items}); thread-safe
	 */
	Map<Object, Object> items();

	/**
	 * Returns a feature of the connection: {@link TlsHandshakeFeature} once the TLS
	 * handshake is done, {@link ProxyProtocolFeature} when a PROXY protocol header was
	 * read.
	 * @param <T> the feature type
	 * @param type the feature type
	 * @return the feature, or empty when the connection does not have it (yet)
	 */
	<T> Optional<T> feature(Class<T> type);

	/**
	 * Closes the connection at once (Kestrel's {@code Abort}).
	 */
	void abort();

}
