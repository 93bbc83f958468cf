package dev.kestrel.options;

import java.net.SocketAddress;

/**
 * The connection a TLS callback runs for.
 *
 * @param endpointName the endpoint's name
 * @param localAddress the local address, or {@code null} for a Unix socket
 * @param remoteAddress the client's address, or {@code null} for a Unix socket
 */
public record TlsConnectionContext(String endpointName, SocketAddress localAddress, SocketAddress remoteAddress) {
}
