package dev.kestrel.server.tls;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.SslContext;

import dev.kestrel.options.ClientCertificateValidator;
import dev.kestrel.sni.TlsSelection;
import dev.kestrel.sni.TlsSettings;

/**
 * The TLS contexts of one endpoint, built on the first handshake that needs them and shared by every connection with
 * equal {@link TlsSettings}:
 * <ul>
 * <li>settings from configuration ({@link TlsSelection#shared()}) keep their context for the life of the server;
 * their number is bounded by the configuration;</li>
 * <li>settings returned by code per connection (certificate selectors, TLS handshake callbacks) are kept in a
 * least-recently-used cache of {@value #DYNAMIC_CONTEXTS} contexts, so a selector that returns the same certificate
 * again reuses its context, and one that returns a new certificate every time cannot exhaust memory.</li>
 * </ul>
 * Client-certificate trust managers are shared the same way, per validator, authorities and revocation setting.
 */
final class TlsContextCache {

	static final int DYNAMIC_CONTEXTS = 256;

	private final String endpointName;

	private final Map<TlsSettings, SslContext> shared = new ConcurrentHashMap<>();

	private final Map<TlsSettings, SslContext> dynamic = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<TlsSettings, SslContext> eldest) {
			return size() > DYNAMIC_CONTEXTS;
		}

	};

	private final Map<ClientTrust, X509TrustManager> trustManagers = new ConcurrentHashMap<>();

	TlsContextCache(String endpointName) {
		this.endpointName = endpointName;
	}

	/**
	 * @param selection a connection's selection
	 * @return the context for its settings
	 * @throws IllegalStateException when the context cannot be built
	 */
	SslContext get(TlsSelection selection) {
		TlsSettings settings = selection.settings();
		if (selection.shared()) {
			SslContext context = this.shared.get(settings);
			return (context != null) ? context : this.shared.computeIfAbsent(settings, this::build);
		}
		synchronized (this.dynamic) {
			SslContext context = this.dynamic.get(settings);
			if (context != null) {
				return context;
			}
		}
		SslContext context = build(settings);
		synchronized (this.dynamic) {
			SslContext raced = this.dynamic.putIfAbsent(settings, context);
			return (raced != null) ? raced : context;
		}
	}

	/** @return how many contexts were built and are kept */
	int size() {
		synchronized (this.dynamic) {
			return this.shared.size() + this.dynamic.size();
		}
	}

	private SslContext build(TlsSettings settings) {
		X509TrustManager trust = null;
		if (settings.clientCertificateMode().requestsCertificate()) {
			ClientTrust key = new ClientTrust(settings.clientCertificateValidation(),
					settings.clientCertificateAuthorities(), settings.checkCertificateRevocation());
			trust = this.trustManagers.computeIfAbsent(key, (k) -> new ClientCertificateTrustManager(k.validator(),
					k.authorities(), k.checkRevocation()));
		}
		return SslContexts.create(this.endpointName, settings, trust);
	}

	private record ClientTrust(ClientCertificateValidator validator, List<X509Certificate> authorities,
			boolean checkRevocation) {
	}

}
