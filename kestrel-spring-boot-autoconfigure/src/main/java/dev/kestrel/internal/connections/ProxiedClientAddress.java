package dev.kestrel.internal.connections;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;

import dev.kestrel.connections.ConnectionContext;
import dev.kestrel.connections.KestrelRequests;

/**
 * Gives every request of a connection that started with a PROXY protocol header the
 * header's source as {@link ServerHttpRequest#getRemoteAddress()}. Reactor Netty takes
 * the address it is handed once per connection, so on HTTP/2 only the first stream would
 * get it; the others, and every request of a Unix-socket connection, would see the
 * socket's peer. A request whose address Reactor Netty already changed (the PROXY
 * address, or {@code server.forward-headers-strategy=native} from
 * {@code Forwarded}/{@code X-Forwarded-For}) is left as it is, so forwarded headers still
 * apply on top of the PROXY header.
 */
public final class ProxiedClientAddress {

	private ProxiedClientAddress() {
	}

	/**
	 * @param handler the application
	 * @return the application, seeing the PROXY header's source address
	 */
	public static HttpHandler decorate(HttpHandler handler) {
		return (request, response) -> handler.handle(withClientAddress(request), response);
	}

	static ServerHttpRequest withClientAddress(ServerHttpRequest request) {
		ConnectionContext connection = KestrelRequests.connection(request).orElse(null);
		if (!(connection instanceof KestrelConnection kestrel) || kestrel.proxiedSource() == null) {
			return request;
		}
		InetSocketAddress client = kestrel.proxiedSource();
		InetSocketAddress current = request.getRemoteAddress();
		SocketAddress peer = kestrel.socketPeer();
		if (current == null || Objects.equals(current, peer)) {
			return request.mutate().remoteAddress(client).build();
		}
		return request;
	}

}
