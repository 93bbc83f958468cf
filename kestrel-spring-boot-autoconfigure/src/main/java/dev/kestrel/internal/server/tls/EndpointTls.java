package dev.kestrel.internal.server.tls;

import java.time.Duration;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslContext;
import reactor.netty.NettyPipeline;

import dev.kestrel.options.ClientCertificateMode;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SniOptions;
import dev.kestrel.internal.sni.TlsSelection;
import dev.kestrel.internal.sni.TlsSelector;
import dev.kestrel.internal.sni.TlsSelectors;
import dev.kestrel.internal.sni.TlsSettings;

import static java.util.Objects.requireNonNull;

/**
 * The TLS of one HTTPS endpoint on Netty: its {@link TlsSelector} (certificate, SNI
 * section, certificate selector or TLS handshake callback), its cache of TLS contexts and
 * its handshake timeout. Every connection of the endpoint starts with a handler that
 * chooses its TLS configuration from the client hello ({@link #install(Channel)}).
 * <p>
 * An endpoint with one certificate builds its context at start-up, so that a key the TLS
 * engine refuses fails start-up; the contexts of SNI entries and of code selections are
 * built on the first handshake that needs them. SNI certificates that load on first use
 * start loading in the background once the endpoint is bound ({@link #bound()}).
 */
public final class EndpointTls {

	private final String name;

	private final TlsSelector selector;

	private final TlsContextCache contexts;

	private final Duration handshakeTimeout;

	private final SniCertificateLoading certificateLoading;

	private final QuicTls http3;

	private SslContext placeholder;

	private EndpointTls(String name, TlsSelector selector, Duration handshakeTimeout,
			SniCertificateLoading certificateLoading, QuicTls http3, SessionTicketKeys sessionTicketKeys) {
		this.name = name;
		this.selector = selector;
		this.http3 = http3;
		this.contexts = new TlsContextCache(name, sessionTicketKeys);
		this.handshakeTimeout = handshakeTimeout;
		this.certificateLoading = certificateLoading;
	}

	/**
	 * Prepares the TLS of an endpoint, logging a warning for obsolete TLS versions.
	 * @param endpoint an HTTPS endpoint
	 * @return its TLS
	 */
	public static EndpointTls of(ListenOptions endpoint) {
		return of(endpoint, null, null);
	}

	/**
	 * Prepares the TLS of an endpoint that may also serve HTTP/3: its connections then
	 * share the QUIC listener's {@link TlsSelector} and record whether HTTP/3 serves
	 * their host name ({@link TlsHandshakes#servesHttp3(Channel)}).
	 * @param endpoint an HTTPS endpoint
	 * @param http3 the TLS of its QUIC listener, or {@code null} without HTTP/3
	 * @param sessionTicketKeys the server's session-ticket keys, or {@code null} for keys
	 * of the endpoint's own
	 * @return its TLS
	 * @throws dev.kestrel.diagnostics.KestrelConfigurationException when the endpoint's
	 * engine cannot serve its settings
	 */
	public static EndpointTls of(ListenOptions endpoint, QuicTls http3, SessionTicketKeys sessionTicketKeys) {
		requireNonNull(endpoint, "endpoint");
		HttpsConnectionAdapterOptions https = endpoint.getHttpsOptions();
		SessionTicketKeys keys = (sessionTicketKeys != null) ? sessionTicketKeys : SessionTicketKeys.create(null);
		EngineChecks.check(endpoint.getName(), https, keys);
		TlsSelector selector = (http3 != null) ? http3.selector() : TlsSelectors.forEndpoint(endpoint);
		EndpointTls tls = new EndpointTls(endpoint.getName(), selector, TlsSelectors.handshakeTimeout(endpoint),
				SniCertificateLoading.of(endpoint), http3, keys);
		if (endpoint.getTlsHandshakeCallbackOptions() == null) {
			SslContexts.warnObsoleteVersions(endpoint.getName(), https.getSslProtocols());
			for (SniOptions entry : endpoint.getSni().values()) {
				if (entry.sslProtocols() != null) {
					SslContexts.warnObsoleteVersions(endpoint.getName(), entry.sslProtocols());
				}
			}
			if (endpoint.getSni().isEmpty() && https.getServerCertificateSelector() == null) {
				tls.placeholder = tls.contexts.get(tls.selector.select(null, null).toCompletableFuture().join());
			}
			else if (https.hasServerCertificate()) {
				tls.placeholder = SslContexts.create(endpoint.getName(),
						TlsSettings.of(https.getServerCertificate(), https.getServerCertificateChain(), https,
								https.getSslProtocols(), ClientCertificateMode.NO_CERTIFICATE, endpoint.getProtocols()),
						null);
			}
		}
		return tls;
	}

	/**
	 * Puts the endpoint's TLS handler in place of the one Reactor Netty installed.
	 * @param channel a new connection
	 */
	public void install(Channel channel) {
		if (channel.pipeline().get(NettyPipeline.SslHandler) != null) {
			channel.pipeline().replace(NettyPipeline.SslHandler, NettyPipeline.SslHandler, newHandler());
		}
	}

	/**
	 * Starts loading the SNI certificates that load on first use, in the background; call
	 * once the endpoint is bound (later calls do nothing).
	 */
	public void bound() {
		this.certificateLoading.start();
	}

	/**
	 * @return a handler for one new connection
	 */
	ChannelHandler newHandler() {
		return new KestrelTlsHandler(this);
	}

	/**
	 * Returns a context for Reactor Netty's {@code secure(...)}, which needs one although
	 * every connection gets its own from {@link #install(Channel)}: the endpoint's own
	 * context when it has one certificate, one built from its certificate otherwise, else
	 * (a TLS handshake callback, or SNI entries that all have their own certificate) a
	 * context without certificate.
	 * @return the context, never used for a handshake
	 */
	public SslContext placeholderContext() {
		return (this.placeholder != null) ? this.placeholder : SslContexts.placeholder();
	}

	/**
	 * @return the endpoint name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * @return how long a handshake may take, the client hello and the selection included
	 */
	public Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	TlsSelector selector() {
		return this.selector;
	}

	TlsContextCache contexts() {
		return this.contexts;
	}

	boolean servesHttp3(TlsSelection selection) {
		return this.http3 != null && this.http3.serves(selection);
	}

	/**
	 * @return how many TLS contexts were built so far (for tests and benchmarks)
	 */
	public int contextCount() {
		return this.contexts.size();
	}

}
