package dev.kestrel.internal.server.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.netty.channel.Channel;
import io.netty.handler.codec.quic.QuicChannel;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.SslInfo;
import reactor.core.publisher.Mono;

import static java.util.Objects.requireNonNull;

/**
 * Gives HTTP/3 requests their {@link SslInfo}: Spring's Reactor Netty adapter reads it
 * from the connection's {@code SslHandler}, which QUIC connections do not have, so
 * without this {@code request.getSslInfo()} would be {@code null} over HTTP/3 and client
 * certificates invisible. The session of the QUIC connection's TLS engine supplies the
 * session id and the client's certificates.
 */
public final class Http3SslInfoHandler implements HttpHandler {

	private final HttpHandler delegate;

	/**
	 * @param delegate the application's handler
	 */
	public Http3SslInfoHandler(HttpHandler delegate) {
		this.delegate = requireNonNull(delegate, "delegate");
	}

	@Override
	public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
		if (request.getSslInfo() == null) {
			SslInfo sslInfo = sslInfo(request);
			if (sslInfo != null) {
				return this.delegate.handle(request.mutate().sslInfo(sslInfo).build(), response);
			}
		}
		return this.delegate.handle(request, response);
	}

	private static SslInfo sslInfo(ServerHttpRequest request) {
		Channel stream = TlsHandshakes.channel(request).orElse(null);
		for (Channel channel = stream; channel != null; channel = channel.parent()) {
			if (channel instanceof QuicChannel quic && quic.sslEngine() != null) {
				return sslInfo(quic.sslEngine().getSession());
			}
		}
		return null;
	}

	private static SslInfo sslInfo(SSLSession session) {
		byte[] id = session.getId();
		String sessionId = (id != null && id.length > 0) ? HexFormat.of().formatHex(id) : null;
		return SslInfo.from(sessionId, peerCertificates(session));
	}

	private static X509Certificate[] peerCertificates(SSLSession session) {
		Certificate[] certificates;
		try {
			certificates = session.getPeerCertificates();
		}
		catch (SSLPeerUnverifiedException ex) {
			return new X509Certificate[0];
		}
		List<X509Certificate> x509 = new ArrayList<>();
		for (Certificate certificate : certificates) {
			if (certificate instanceof X509Certificate one) {
				x509.add(one);
			}
		}
		return x509.toArray(new X509Certificate[0]);
	}

}
