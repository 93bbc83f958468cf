package dev.kestrel.internal.server.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;

import dev.kestrel.connections.TlsHandshakeFeature;
import dev.kestrel.internal.connections.KestrelConnection;
import dev.kestrel.options.HttpProtocols;

import static java.util.Objects.requireNonNull;

/**
 * The TLS handshake of a connection, for the application and for connection middleware
 * (Netty handlers added with a {@code NettyServerCustomizer}):
 *
 * <pre>{@code
 * TlsHandshakes.details(exchange.getRequest())
 *     .ifPresent((tls) -> log.info("{} over {} ({})", tls.hostName(), tls.protocol(), tls.applicationProtocol()));
 * }</pre>
 *
 * A handler placed after the TLS handler sees the details when it receives Netty's
 * {@code SslHandshakeCompletionEvent}; they are set before that event travels on.
 */
public final class TlsHandshakes {

	static final AttributeKey<TlsHandshakeFeature> DETAILS = AttributeKey.valueOf("dev.kestrel.tls-handshake");

	static final AttributeKey<HttpProtocols> PROTOCOLS = AttributeKey.valueOf("dev.kestrel.tls-protocols");

	static final AttributeKey<Boolean> HTTP3 = AttributeKey.valueOf("dev.kestrel.tls-http3");

	private TlsHandshakes() {
	}

	/**
	 * Records a completed handshake on its channel and connection.
	 * @param channel the connection's channel (TCP or QUIC)
	 * @param hostName the SNI host name, or {@code null}
	 * @param session the TLS session
	 * @param applicationProtocol the ALPN protocol, or {@code null}
	 */
	static void record(Channel channel, String hostName, SSLSession session, String applicationProtocol) {
		TlsHandshakeFeature feature = new TlsHandshakeFeature((hostName != null) ? hostName : "", session.getProtocol(),
				session.getCipherSuite(), applicationProtocol, clientCertificate(session));
		channel.attr(DETAILS).set(feature);
		KestrelConnection.of(channel).ifPresent((connection) -> connection.feature(TlsHandshakeFeature.class, feature));
	}

	private static X509Certificate clientCertificate(SSLSession session) {
		try {
			Certificate[] chain = session.getPeerCertificates();
			return (chain.length > 0 && chain[0] instanceof X509Certificate certificate) ? certificate : null;
		}
		catch (SSLPeerUnverifiedException ex) {
			return null;
		}
	}

	/**
	 * @param channel a connection's channel, or an HTTP/2 stream's
	 * @return the handshake's details, or empty before the handshake is done or without
	 * TLS
	 */
	public static Optional<TlsHandshakeFeature> details(Channel channel) {
		return Optional.ofNullable(find(requireNonNull(channel, "channel"), DETAILS));
	}

	/**
	 * @param request a request served by a Kestrel endpoint
	 * @return the handshake's details, or empty without TLS or for requests from
	 * elsewhere
	 */
	public static Optional<TlsHandshakeFeature> details(ServerHttpRequest request) {
		return channel(requireNonNull(request, "request")).flatMap(TlsHandshakes::details);
	}

	/**
	 * Returns the HTTP protocols chosen for the connection from its host name (an SNI
	 * entry's {@code Protocols}, or what a TLS handshake callback returned, else the
	 * endpoint's), set as soon as the client hello was read.
	 * @param channel a connection's channel, or an HTTP/2 stream's
	 * @return the protocols, or empty without TLS
	 */
	public static Optional<HttpProtocols> protocols(Channel channel) {
		return Optional.ofNullable(find(requireNonNull(channel, "channel"), PROTOCOLS));
	}

	/**
	 * Tells whether the endpoint's HTTP/3 listener serves the host name this TLS
	 * connection chose, which decides whether its responses advertise HTTP/3 with
	 * {@code Alt-Svc}.
	 * @param channel a connection's channel, or an HTTP/2 stream's
	 * @return whether HTTP/3 serves the connection's host name; {@code false} without TLS
	 * or HTTP/3
	 */
	public static boolean servesHttp3(Channel channel) {
		return Boolean.TRUE.equals(find(requireNonNull(channel, "channel"), HTTP3));
	}

	private static <T> T find(Channel channel, AttributeKey<T> key) {
		for (Channel current = channel; current != null; current = current.parent()) {
			if (current.hasAttr(key)) {
				return current.attr(key).get();
			}
		}
		return null;
	}

	static Optional<Channel> channel(ServerHttpRequest request) {
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return (nativeRequest instanceof Connection connection) ? Optional.of(connection.channel()) : Optional.empty();
	}

}
