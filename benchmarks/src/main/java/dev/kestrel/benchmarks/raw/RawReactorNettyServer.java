package dev.kestrel.benchmarks.raw;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The "raw" contender: a Reactor Netty {@link HttpServer} with no Spring, answering
 * {@code GET /plaintext} with the same response as the Spring application
 * ({@code Hello, World!}, {@code text/plain;charset=UTF-8}, 13 bytes).
 * <p>
 * Arguments: {@code --port=N} (127.0.0.1) or {@code --unix=/path.sock},
 * {@code --protocols=http11,h2c} (the default is {@code http11}; {@code h2} for HTTP/2
 * over TLS), and for HTTPS {@code --cert=PEM --key=PEM} (Reactor Netty's own TLS
 * defaults: OpenSSL when netty-tcnative is on the classpath, else the JDK, with ALPN from
 * the protocols). Prints {@code BENCH-READY server=raw factory=none} once bound and runs
 * until killed.
 */
public final class RawReactorNettyServer {

	private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

	private static final String CONTENT_TYPE = "text/plain;charset=UTF-8";

	private static final String CONTENT_LENGTH = Integer.toString(BODY.length);

	private RawReactorNettyServer() {
	}

	/**
	 * Starts the server.
	 * @param args see the class description
	 */
	public static void main(String[] args) {
		SocketAddress address = new InetSocketAddress("127.0.0.1", 8080);
		List<HttpProtocol> protocols = new ArrayList<>(List.of(HttpProtocol.HTTP11));
		File cert = null;
		File key = null;
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				address = new InetSocketAddress("127.0.0.1", Integer.parseInt(arg.substring("--port=".length())));
			}
			else if (arg.startsWith("--unix=")) {
				address = new DomainSocketAddress(arg.substring("--unix=".length()));
			}
			else if (arg.startsWith("--protocols=")) {
				protocols.clear();
				for (String protocol : arg.substring("--protocols=".length()).split(",")) {
					protocols.add(HttpProtocol.valueOf(protocol.trim().toUpperCase(Locale.ROOT)));
				}
			}
			else if (arg.startsWith("--cert=")) {
				cert = new File(arg.substring("--cert=".length()));
			}
			else if (arg.startsWith("--key=")) {
				key = new File(arg.substring("--key=".length()));
			}
			else {
				throw new IllegalArgumentException(
						"argument: %s (expected: --port=N, --unix=PATH, --protocols=LIST, --cert=PEM, --key=PEM)"
							.formatted(arg));
			}
		}
		SocketAddress bindAddress = address;
		HttpServer httpServer = HttpServer.create()
			.bindAddress(() -> bindAddress)
			.protocol(protocols.toArray(HttpProtocol[]::new));
		if (cert != null && key != null) {
			File certFile = cert;
			File keyFile = key;
			httpServer = protocols.contains(HttpProtocol.H2)
					? httpServer.secure((spec) -> spec.sslContext(Http2SslContextSpec.forServer(certFile, keyFile)))
					: httpServer.secure((spec) -> spec.sslContext(Http11SslContextSpec.forServer(certFile, keyFile)));
		}
		DisposableServer server = httpServer.handle(RawReactorNettyServer::handle).bindNow();
		System.out.println("BENCH-READY server=raw factory=none");
		server.onDispose().block();
	}

	private static Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		if (!"/plaintext".equals(request.fullPath())) {
			return response.status(HttpResponseStatus.NOT_FOUND).send();
		}
		return response.header("Content-Type", CONTENT_TYPE)
			.header("Content-Length", CONTENT_LENGTH)
			.sendByteArray(Mono.just(BODY));
	}

}
