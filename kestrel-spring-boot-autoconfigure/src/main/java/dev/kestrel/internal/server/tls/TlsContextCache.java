package dev.kestrel.internal.server.tls;

import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;

import dev.kestrel.internal.sni.TlsSelection;
import dev.kestrel.internal.sni.TlsSettings;

/**
 * The TLS contexts of one endpoint's TCP connections, built on the first handshake that
 * needs them and shared by every connection with equal {@link TlsSettings}
 * ({@link SelectionCache}); client-certificate trust managers are shared the same way
 * ({@link ClientTrustManagers}). Contexts with session tickets get the server's
 * {@link SessionTicketKeys}; contexts of certificates that name an OCSP responder staple
 * its responses ({@link OcspStapler}).
 */
final class TlsContextCache {

	private final String endpointName;

	private final ClientTrustManagers trustManagers = new ClientTrustManagers();

	private final SelectionCache<SslContext> contexts = new SelectionCache<>(this::build);

	private final SessionTicketKeys sessionTicketKeys;

	TlsContextCache(String endpointName, SessionTicketKeys sessionTicketKeys) {
		this.endpointName = endpointName;
		this.sessionTicketKeys = sessionTicketKeys;
	}

	/**
	 * @param selection a connection's selection
	 * @return the context for its settings
	 * @throws IllegalStateException when the context cannot be built
	 */
	SslContext get(TlsSelection selection) {
		return this.contexts.get(selection);
	}

	/**
	 * @return how many contexts were built and are kept
	 */
	int size() {
		return this.contexts.size();
	}

	private SslContext build(TlsSettings settings) {
		X509TrustManager trust = settings.clientCertificateMode().requestsCertificate()
				? this.trustManagers.get(settings) : null;
		SslContext context = SslContexts.create(this.endpointName, settings, trust, staples(settings));
		if (settings.sessionTickets()) {
			this.sessionTicketKeys.apply(context);
		}

		return context;
	}

	/**
	 * Whether connections with these settings staple OCSP responses: {@code OcspStapling}
	 * is on, the engine is OpenSSL or BoringSSL with OCSP support, and the certificate
	 * names a responder and comes with its issuer ({@link OcspStapler}).
	 * @param settings the settings
	 * @return whether to build the context with OCSP enabled
	 */
	private boolean staples(TlsSettings settings) {
		return settings.ocspStapling() && TlsEngines.provider(settings.tlsEngine()) != SslProvider.JDK
				&& OpenSsl.isOcspSupported() && OcspStapler.shared()
					.register(this, this.endpointName, settings.certificate().certificate(), settings.chain());
	}

}
