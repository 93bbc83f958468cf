package dev.kestrel.internal.server;

import java.util.ArrayList;
import java.util.List;

import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.internal.server.tls.EndpointTls;
import dev.kestrel.internal.server.tls.QuicTls;
import dev.kestrel.internal.server.tls.SessionTicketKeys;
import dev.kestrel.internal.sni.TlsSelectors;

/**
 * Applies an endpoint's TLS to its Reactor Netty server. Reactor Netty is told the
 * endpoint is secure (with SNI, so that it prepares the pipeline for a TLS handler chosen
 * per connection), and each new connection gets the endpoint's own handler
 * ({@link EndpointTls}), which picks the certificate, TLS versions, client-certificate
 * mode and ALPN protocols from the client hello: the endpoint's {@code Sni} section, its
 * certificate selector, its TLS handshake callback or its single certificate. The
 * handshake timeout and {@code onAuthenticate} apply per connection.
 * <p>
 * When an SNI entry (or a TLS handshake callback) may negotiate a protocol the endpoint
 * itself does not serve, for example {@code Protocols: Http2} for one host on an
 * {@code Http1} endpoint, the server is given both HTTP/1.1 and HTTP/2: the protocol of
 * each connection then follows what its ALPN negotiated.
 */
final class TlsCustomizer {

	private TlsCustomizer() {
	}

	static HttpServer apply(HttpServer server, ListenOptions endpoint, QuicTls http3,
			SessionTicketKeys sessionTicketKeys) {
		EndpointTls tls = EndpointTls.of(endpoint, http3, sessionTicketKeys);
		HttpServer secured = server.secure((spec) -> spec.sslContext(tls.placeholderContext())
			.handshakeTimeout(tls.handshakeTimeout())
			.setSniAsyncMappings((serverName, promise) -> promise
				.setFailure(new IllegalStateException("Kestrel chooses TLS per connection"))));
		secured = widenProtocols(secured, endpoint);
		return secured.doOnChannelInit((observer, channel, remoteAddress) -> tls.install(channel))
			.doOnBound((bound) -> tls.bound());
	}

	private static HttpServer widenProtocols(HttpServer server, ListenOptions endpoint) {
		HttpProtocols own = endpoint.getProtocols();
		HttpProtocols negotiable = TlsSelectors.negotiableProtocols(endpoint);
		if ((negotiable.http1() && !own.http1()) || (negotiable.http2() && !own.http2())) {
			List<HttpProtocol> protocols = new ArrayList<>();
			protocols.add(HttpProtocol.HTTP11);
			protocols.add(HttpProtocol.H2);
			return server.protocol(protocols.toArray(new HttpProtocol[0]));
		}
		return server;
	}

}
