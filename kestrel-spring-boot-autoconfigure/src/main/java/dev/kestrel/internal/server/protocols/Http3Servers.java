package dev.kestrel.internal.server.protocols;

import java.time.Duration;

import io.netty.handler.codec.quic.QuicChannel;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.options.ListenOptions;
import dev.kestrel.internal.server.tls.QuicHandshakes;
import dev.kestrel.internal.server.tls.QuicTls;

/**
 * The QUIC (UDP) server of an endpoint with HTTP/3: Reactor Netty's HTTP/3 server whose
 * QUIC TLS context (TLS 1.3, ALPN {@code h3}) chooses the certificate per handshake as
 * the endpoint's TCP connections do ({@link QuicTls}).
 */
public final class Http3Servers {

	/**
	 * Flow-control and stream limits offered to HTTP/3 clients (room for Kestrel's Http3
	 * limits later).
	 */
	private static final long MAX_DATA = 10L * 1024 * 1024;

	private static final long MAX_STREAM_DATA = 1024L * 1024;

	private static final long MAX_STREAMS = 100;

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(130);

	private Http3Servers() {
	}

	/**
	 * @param base the server carrying the shared settings (handler, loops, compression,
	 * forwarded headers)
	 * @param endpoint the endpoint
	 * @param tls the endpoint's QUIC TLS
	 * @return the QUIC server, not yet bound
	 */
	public static HttpServer create(HttpServer base, ListenOptions endpoint, QuicTls tls) {
		QuicHandshakes handshakes = new QuicHandshakes(endpoint.getName());
		return base.protocol(HttpProtocol.HTTP3).doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel instanceof QuicChannel) {
				channel.pipeline().addLast(QuicHandshakes.NAME, handshakes);
			}
		})
			.secure((spec) -> spec.sslContext(tls.context()).handshakeTimeout(tls.handshakeTimeout()))
			.http3Settings((settings) -> settings.maxData(MAX_DATA)
				.maxStreamDataBidirectionalLocal(MAX_STREAM_DATA)
				.maxStreamDataBidirectionalRemote(MAX_STREAM_DATA)
				.maxStreamsBidirectional(MAX_STREAMS)
				.idleTimeout(IDLE_TIMEOUT));
	}

	/**
	 * @param port the port HTTP/3 listens on
	 * @return the {@code Alt-Svc} value advertising it, as Kestrel sends it
	 */
	public static String altSvc(int port) {
		return "h3=\":" + port + "\"; ma=86400";
	}

}
