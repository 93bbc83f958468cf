package dev.kestrel.internal.server.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.ClientAuth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.ProtocolMessages;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.ClientCertificateMode;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.internal.sni.TlsConnectionRefusedException;
import dev.kestrel.internal.sni.TlsSelection;
import dev.kestrel.internal.sni.TlsSelector;
import dev.kestrel.internal.sni.TlsSelectors;
import dev.kestrel.internal.sni.TlsSettings;

import static java.util.Objects.requireNonNull;

/**
 * The TLS of an endpoint's QUIC (HTTP/3) listener. It asks the same {@link TlsSelector}
 * as the endpoint's TCP connections — the {@code Sni} section, the certificate selector,
 * the TLS handshake callback or the one certificate — once per QUIC handshake, with the
 * host name from the client hello ({@code null} without SNI), and answers with a QUIC TLS
 * context for the selected settings (TLS 1.3, ALPN {@code h3}), built on first use and
 * shared like the TCP ones.
 * <p>
 * QUIC differs from TCP in three ways, each documented in the README:
 * <ul>
 * <li>the selection runs on the QUIC event loop and must complete within the handshake
 * timeout (a TLS handshake callback that completes later refuses the connection);</li>
 * <li>BoringSSL decides whether to ask for a client certificate before the host name is
 * known, so every host served over HTTP/3 has the endpoint's client-certificate mode
 * ({@code DelayCertificate} asks for none, as in Kestrel); a host whose mode differs, or
 * whose TLS versions exclude TLS 1.3, or whose protocols exclude HTTP/3, is refused over
 * QUIC and gets no {@code Alt-Svc} over TCP;</li>
 * <li>{@code OnAuthenticate} cannot run (Kestrel: "The OnAuthenticate callback is not
 * supported with HTTP/3.").</li>
 * </ul>
 */
public final class QuicTls {

	private static final Log logger = LogFactory.getLog(QuicTls.class);

	/**
	 * ALPN: RFC 9114's {@code h3} only, as Kestrel offers it (no draft versions such as
	 * {@code h3-29}).
	 */
	private static final String H3 = "h3";

	private final String name;

	private final TlsSelector selector;

	private final Duration handshakeTimeout;

	private final ClientCertificateMode clientCertificateMode;

	private final TlsConnectionContext connection;

	private final ClientTrustManagers trustManagers = new ClientTrustManagers();

	private final SelectionCache<QuicSslContext> contexts = new SelectionCache<>(this::build);

	private final QuicSslContext context;

	private QuicTls(ListenOptions endpoint) {
		this.name = endpoint.getName();
		this.selector = TlsSelectors.forEndpoint(endpoint);
		this.handshakeTimeout = TlsSelectors.handshakeTimeout(endpoint);
		this.clientCertificateMode = quicMode((endpoint.getTlsHandshakeCallbackOptions() != null)
				? ClientCertificateMode.NO_CERTIFICATE : endpoint.getHttpsOptions().getClientCertificateMode());
		this.connection = new TlsConnectionContext(this.name, null, null);
		QuicSslContextBuilder root = QuicSslContextBuilder.forServer(SslContexts.noKeys(), null)
			.applicationProtocols(H3)
			.sni(this::map);
		if (this.clientCertificateMode.requestsCertificate()) {
			var https = endpoint.getHttpsOptions();
			root.clientAuth(clientAuth(this.clientCertificateMode))
				.trustManager(this.trustManagers.get(https.getClientCertificateValidation(),
						https.getClientCertificateAuthorities(), https.isCheckCertificateRevocation()));
		}
		this.context = root.build();
	}

	/**
	 * Prepares the QUIC TLS of an endpoint. The endpoint's own settings were checked
	 * before ({@code dev.kestrel.internal.server.protocols.EndpointProtocols}); this logs
	 * a warning naming the SNI entries that HTTP/3 cannot serve.
	 * @param endpoint an HTTPS endpoint with HTTP/3
	 * @return its QUIC TLS
	 */
	public static QuicTls of(ListenOptions endpoint) {
		requireNonNull(endpoint, "endpoint");
		QuicTls tls = new QuicTls(endpoint);
		List<String> excluded = new ArrayList<>();
		endpoint.getSni().forEach((host, entry) -> {
			if (tls.reasonNotServed(entry.sslProtocolsOr(endpoint.getHttpsOptions()),
					entry.clientCertificateModeOr(endpoint.getHttpsOptions())) != null) {
				excluded.add(host);
			}
		});
		if (!excluded.isEmpty()) {
			logger.warn(ProtocolMessages.http3NotServedForHosts(endpoint.getName(), excluded));
		}
		return tls;
	}

	/**
	 * @return the selector of the endpoint's TLS configuration, shared with its TCP
	 * connections
	 */
	TlsSelector selector() {
		return this.selector;
	}

	/**
	 * @return how long a QUIC handshake may take, the selection included
	 */
	public Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	/**
	 * @return the QUIC TLS context for Reactor Netty's HTTP/3 server
	 */
	public QuicSslContext context() {
		return this.context;
	}

	/**
	 * Tells whether a connection's selection can be served over HTTP/3: its protocols
	 * include HTTP/3, its TLS versions include TLS 1.3, its client-certificate mode is
	 * the endpoint's, and it has no {@code OnAuthenticate}.
	 * @param selection the TLS configuration chosen for a connection
	 * @return whether a QUIC handshake with it is accepted
	 */
	public boolean serves(TlsSelection selection) {
		return reasonNotServed(selection) == null;
	}

	private String reasonNotServed(TlsSelection selection) {
		TlsSettings settings = selection.settings();
		if (!settings.protocols().http3()) {
			return "its Protocols do not include Http3";
		}
		if (selection.onAuthenticate() != null) {
			return "The OnAuthenticate callback is not supported with HTTP/3.";
		}
		return reasonNotServed(settings.sslProtocols(), settings.clientCertificateMode());
	}

	private String reasonNotServed(Set<SslProtocols> sslProtocols, ClientCertificateMode mode) {
		if (!sslProtocols.isEmpty() && !sslProtocols.contains(SslProtocols.TLS13)) {
			return "its SslProtocols do not include Tls13, which QUIC requires";
		}
		if (quicMode(mode) != this.clientCertificateMode) {
			return "its ClientCertificateMode differs from the endpoint's";
		}
		return null;
	}

	/**
	 * Called by BoringSSL on the QUIC event loop for every client hello, with or without
	 * SNI.
	 * @param serverName the SNI host name, or {@code null}
	 * @return the context, or {@code null} to refuse the handshake (BoringSSL ends it
	 * with a fatal alert)
	 */
	private QuicSslContext map(String serverName) {
		String hostName = (serverName == null || serverName.isEmpty()) ? null : serverName.toLowerCase(Locale.ROOT);
		TlsSelection selection;
		try {
			CompletableFuture<TlsSelection> future = this.selector.select(this.connection, hostName)
				.toCompletableFuture();
			selection = future.get(millis(this.handshakeTimeout), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			refused(hostName, ex.getCause());
			return null;
		}
		catch (TimeoutException ex) {
			logger.warn(ProtocolMessages.http3SelectionTimedOut(this.name, hostName, this.handshakeTimeout));
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (RuntimeException ex) {
			refused(hostName, ex);
			return null;
		}
		if (selection == null) {
			refused(hostName, null);
			return null;
		}
		String reason = reasonNotServed(selection);
		if (reason != null) {
			if (logger.isDebugEnabled()) {
				logger.debug(ProtocolMessages.http3HostRefused(this.name, hostName, reason));
			}
			return null;
		}
		try {
			return this.contexts.get(selection);
		}
		catch (RuntimeException ex) {
			logger.warn(SniMessages.tlsContextFailed(this.name, hostName), ex);
			return null;
		}
	}

	private void refused(String hostName, Throwable cause) {
		if (cause instanceof TlsConnectionRefusedException refusal
				&& refusal.getReason() != TlsConnectionRefusedException.Reason.SERVER_ERROR) {
			if (logger.isDebugEnabled()) {
				logger.debug(refusal.getMessage());
			}
			return;
		}
		logger.warn(ProtocolMessages.http3HandshakeFailed(this.name, hostName), cause);
	}

	private QuicSslContext build(TlsSettings settings) {
		List<X509Certificate> chain = new ArrayList<>(settings.chain().size() + 1);
		chain.add(settings.certificate().certificate());
		chain.addAll(settings.chain());
		QuicSslContextBuilder builder = QuicSslContextBuilder
			.forServer(settings.certificate().privateKey(), null, chain.toArray(new X509Certificate[0]))
			.applicationProtocols(H3);
		if (this.clientCertificateMode.requestsCertificate()) {
			builder.clientAuth(clientAuth(this.clientCertificateMode)).trustManager(this.trustManagers.get(settings));
		}
		return builder.build();
	}

	/**
	 * @return how many QUIC TLS contexts were built and are kept (for tests)
	 */
	public int contextCount() {
		return this.contexts.size();
	}

	/**
	 * The client-certificate mode a QUIC handshake can honour: {@code DelayCertificate}
	 * asks for no certificate, since HTTP/3 cannot renegotiate (Kestrel: "HTTP/3 ignores
	 * Delay").
	 */
	private static ClientCertificateMode quicMode(ClientCertificateMode mode) {
		return (mode == ClientCertificateMode.DELAY_CERTIFICATE) ? ClientCertificateMode.NO_CERTIFICATE : mode;
	}

	private static long millis(Duration timeout) {
		try {
			return timeout.toMillis();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static ClientAuth clientAuth(ClientCertificateMode mode) {
		return (mode == ClientCertificateMode.REQUIRE_CERTIFICATE) ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
	}

}
