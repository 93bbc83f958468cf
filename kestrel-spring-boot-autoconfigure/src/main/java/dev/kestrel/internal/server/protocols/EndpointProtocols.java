package dev.kestrel.internal.server.protocols;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.netty.channel.ChannelPipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.NettyPipeline;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ProtocolMessages;
import dev.kestrel.options.EndpointKind;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.internal.sni.TlsSelectors;

/**
 * What one endpoint speaks on which transport, decided from its {@code Protocols} with
 * Kestrel's rules:
 * <ul>
 * <li>TLS: ALPN offers {@code h2} then {@code http/1.1}; an HTTP/2-only endpoint closes
 * connections that did not negotiate {@code h2}; {@code h2} below TLS 1.2 or with a
 * forbidden cipher gets {@code INADEQUATE_SECURITY}; a configuration that can only
 * produce such connections fails startup.</li>
 * <li>Cleartext: {@code Http2} alone is prior-knowledge h2c, and an HTTP/1.x request
 * there gets Kestrel's 400. {@code Http1AndHttp2} serves HTTP/1.1 and h2c (prior
 * knowledge and {@code Upgrade: h2c}) on the same port — ahead of Kestrel, which serves
 * only HTTP/1.1 there; {@code kestrel.cleartext-http2=false} restores Kestrel's
 * behaviour.</li>
 * <li>HTTP/3 needs HTTPS and an IP address; it listens on UDP on the TCP port. With port
 * 0 next to TCP, HTTP/3 is not enabled (Kestrel's error log), since the two transports
 * could not share a dynamic port.</li>
 * </ul>
 *
 * @param tcp the Reactor Netty protocols of the TCP server (empty: no TCP server)
 * @param http3 whether a QUIC server serves HTTP/3
 * @param http2Only whether HTTP/2 is the only TCP protocol (an HTTP/2-only cleartext
 * endpoint runs Reactor Netty's HTTP/1.1 + h2c pipeline, whose prior-knowledge detection
 * sends nothing before the client's preface, behind a guard that answers everything else
 * with Kestrel's 400)
 */
@SuppressWarnings("ArrayRecordComponent") // tcp is handed to Reactor Netty as is;
											// instances are never compared
public record EndpointProtocols(HttpProtocol[] tcp, boolean http3, boolean http2Only) {

	private static final Log logger = LogFactory.getLog(EndpointProtocols.class);

	/**
	 * Decides, validates and logs what Kestrel logs.
	 * @param endpoint the endpoint
	 * @param cleartextHttp2 whether {@code Http1AndHttp2} on cleartext serves h2c too
	 * @return the protocols
	 * @throws KestrelConfigurationException for a configuration that cannot work
	 */
	public static EndpointProtocols of(ListenOptions endpoint, boolean cleartextHttp2) {
		return of(endpoint, endpoint.getPort(), cleartextHttp2);
	}

	/**
	 * Decides the protocols of an endpoint that binds the given port (0 for a random
	 * port, as {@code server.port=0} plans it for tests).
	 * @param endpoint the endpoint
	 * @param port the port the endpoint binds
	 * @param cleartextHttp2 whether cleartext {@code Http1AndHttp2} endpoints serve h2c
	 * @return the protocols
	 */
	public static EndpointProtocols of(ListenOptions endpoint, int port, boolean cleartextHttp2) {
		HttpProtocols protocols = endpoint.getProtocols();
		String name = endpoint.getName();
		boolean https = endpoint.isHttps();
		boolean http1 = protocols.http1();
		boolean http2 = protocols.http2();
		boolean http3 = protocols.http3();
		if (http3 && !https) {
			if (!http1 && !http2) {
				throw fail(endpoint, ProtocolMessages.http3RequiresHttps(name));
			}
			if (endpoint.isProtocolsSetExplicitly()) {
				logger.warn(ProtocolMessages.http3NotEnabledWithoutTls(name));
			}
			http3 = false;
		}
		if (http3 && endpoint.getKind() == EndpointKind.UNIX_SOCKET) {
			throw fail(endpoint, ProtocolMessages.http3OnUnixSocket(name));
		}
		if (http3 && endpoint.getTlsHandshakeCallbackOptions() == null) {
			Set<SslProtocols> versions = endpoint.getHttpsOptions().getSslProtocols();
			if (!versions.isEmpty() && !versions.contains(SslProtocols.TLS13)) {
				throw fail(endpoint, "ssl-protocols", ProtocolMessages.http3RequiresTls13(name));
			}
			if (endpoint.getHttpsOptions().getOnAuthenticate() != null) {
				throw fail(endpoint, ProtocolMessages.http3OnAuthenticateNotSupported(name));
			}
		}
		if (http3 && (http1 || http2) && port == 0) {
			logger.error(ProtocolMessages.dynamicPortOnMultipleTransports(name));
			http3 = false;
		}
		if (https && http2 && onlyBelowTls12(endpoint.getHttpsOptions().getSslProtocols())) {
			throw fail(endpoint, ProtocolMessages.http2RequiresTls12(name));
		}
		if (!https && http1 && http2 && !cleartextHttp2) {
			if (endpoint.isProtocolsSetExplicitly()) {
				logger.warn(ProtocolMessages.http2NotEnabledOnCleartext(name));
			}
			http2 = false;
		}
		List<HttpProtocol> tcp = new ArrayList<>();
		boolean http2Only = http2 && !http1;
		if (http1 || (http2Only && !https)) {
			tcp.add(HttpProtocol.HTTP11);
		}
		if (http2) {
			tcp.add(https ? HttpProtocol.H2 : HttpProtocol.H2C);
		}
		return new EndpointProtocols(tcp.toArray(new HttpProtocol[0]), http3, http2Only);
	}

	private static boolean onlyBelowTls12(Set<SslProtocols> sslProtocols) {
		return !sslProtocols.isEmpty() && !sslProtocols.contains(SslProtocols.TLS12)
				&& !sslProtocols.contains(SslProtocols.TLS13);
	}

	private static KestrelConfigurationException fail(ListenOptions endpoint, dev.kestrel.diagnostics.Problem problem) {
		return fail(endpoint, "protocols", problem);
	}

	private static KestrelConfigurationException fail(ListenOptions endpoint, String key,
			dev.kestrel.diagnostics.Problem problem) {
		String fullKey = (endpoint.getSource() == dev.kestrel.options.EndpointSource.CONFIGURATION)
				? "kestrel.endpoints." + endpoint.getName() + "." + key : null;
		return new KestrelConfigurationException(endpoint.getName(), fullKey, problem, null);
	}

	/**
	 * @return whether a TCP server is needed
	 */
	public boolean hasTcp() {
		return this.tcp.length > 0;
	}

	/**
	 * Installs the per-connection protocol rules on the TCP server.
	 * @param server the endpoint's TCP server (TLS already applied)
	 * @param endpoint the endpoint
	 * @return the server
	 */
	public HttpServer applyRules(HttpServer server, ListenOptions endpoint) {
		if (endpoint.isHttps() && TlsSelectors.negotiableProtocols(endpoint).http2()) {
			return server.doOnChannelInit((observer, channel, remoteAddress) -> addAfterTls(channel.pipeline(),
					new Http2TlsPolicyHandler(endpoint.getName())));
		}
		if (contains(HttpProtocol.H2C) && this.http2Only) {
			return server.doOnChannelInit((observer, channel, remoteAddress) -> channel.pipeline()
				.addFirst(Http1OnHttp2OnlyEndpointHandler.NAME, new Http1OnHttp2OnlyEndpointHandler()));
		}
		return server;
	}

	private static void addAfterTls(ChannelPipeline pipeline, Http2TlsPolicyHandler handler) {
		if (pipeline.get(NettyPipeline.SslHandler) != null) {
			pipeline.addAfter(NettyPipeline.SslHandler, Http2TlsPolicyHandler.NAME, handler);
		}
	}

	private boolean contains(HttpProtocol protocol) {
		for (HttpProtocol candidate : this.tcp) {
			if (candidate == protocol) {
				return true;
			}
		}
		return false;
	}

}
