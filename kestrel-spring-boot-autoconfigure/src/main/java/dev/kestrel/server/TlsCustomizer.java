package dev.kestrel.server;

import java.net.SocketAddress;
import java.util.function.BiConsumer;

import javax.net.ssl.SSLEngine;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.server.tls.SslContexts;

/**
 * Applies an endpoint's TLS settings to its Reactor Netty server: one {@link SslContext} built at startup and shared
 * by every connection, the handshake timeout, and the {@code onAuthenticate} callback run per connection before the
 * handshake.
 */
final class TlsCustomizer {

	private TlsCustomizer() {
	}

	static HttpServer apply(HttpServer server, ListenOptions endpoint) {
		HttpsConnectionAdapterOptions https = endpoint.getHttpsOptions();
		SslContext context = SslContexts.create(endpoint.getName(), https, endpoint.getProtocols());
		HttpServer secured = server
			.secure((spec) -> spec.sslContext(context).handshakeTimeout(https.getHandshakeTimeout()));
		BiConsumer<TlsConnectionContext, SSLEngine> onAuthenticate = https.getOnAuthenticate();
		if (onAuthenticate == null) {
			return secured;
		}
		return secured.doOnChannelInit((observer, channel, remoteAddress) -> {
			SslHandler handler = channel.pipeline().get(SslHandler.class);
			if (handler != null) {
				onAuthenticate.accept(context(endpoint, channel, remoteAddress), handler.engine());
			}
		});
	}

	private static TlsConnectionContext context(ListenOptions endpoint, Channel channel, SocketAddress remote) {
		return new TlsConnectionContext(endpoint.getName(), channel.localAddress(), remote);
	}

}
