package dev.kestrel.server.protocols;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.netty.http.Http3SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.tls.ServerCertificate;

/**
 * The QUIC (UDP) server of an endpoint with HTTP/3: Reactor Netty's HTTP/3 server with its own QUIC TLS context (TLS
 * 1.3, ALPN {@code h3}) built from the endpoint's certificate and chain.
 */
public final class Http3Servers {

	/** Flow-control and stream limits offered to HTTP/3 clients (room for Kestrel's Http3 limits later). */
	private static final long MAX_DATA = 10L * 1024 * 1024;

	private static final long MAX_STREAM_DATA = 1024L * 1024;

	private static final long MAX_STREAMS = 100;

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(130);

	private Http3Servers() {
	}

	/**
	 * @param base the server carrying the shared settings (handler, loops, compression, forwarded headers)
	 * @param endpoint the endpoint
	 * @return the QUIC server, not yet bound
	 */
	public static HttpServer create(HttpServer base, ListenOptions endpoint) {
		HttpsConnectionAdapterOptions https = endpoint.getHttpsOptions();
		ServerCertificate certificate = https.getServerCertificate();
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(certificate.certificate());
		chain.addAll(https.getServerCertificateChain());
		Http3SslContextSpec tls = Http3SslContextSpec.forServer(certificate.privateKey(), null,
				chain.toArray(new X509Certificate[0]));
		return base.protocol(HttpProtocol.HTTP3)
			.secure((spec) -> spec.sslContext(tls).handshakeTimeout(https.getHandshakeTimeout()))
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
