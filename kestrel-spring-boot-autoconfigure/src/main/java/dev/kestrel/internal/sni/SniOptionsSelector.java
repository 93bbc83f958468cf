package dev.kestrel.internal.sni;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.ClientCertificateMode;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.ServerCertificateSelector;
import dev.kestrel.options.SniCertificate;
import dev.kestrel.options.SniOptions;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.internal.sni.TlsConnectionRefusedException.Reason;
import dev.kestrel.certificates.ServerCertificate;

import static java.util.Objects.requireNonNull;

/**
 * An endpoint's {@code Sni} section at work (Kestrel's {@code SniOptionsSelector}). Each
 * handshake looks its host name up in a {@link SniHostMap}: the exact name, else the
 * longest {@code *.suffix}, else {@code *}; a client without SNI gets {@code *}. Without
 * a match the connection is refused with Kestrel's message, and the endpoint's own
 * certificate is never sent.
 * <p>
 * Each entry's settings are the entry's values over the endpoint's ({@link SniOptions}),
 * resolved once at start-up. Entries with equal settings share one {@link TlsSettings}
 * instance, hence one TLS context, which the server builds on the first handshake that
 * needs it. An entry without a certificate on an endpoint with a certificate selector
 * calls the selector per handshake, as in Kestrel. An entry whose certificate loads on
 * first use ({@link SniCertificate}) resolves its settings then, once; if the certificate
 * cannot be loaded, its host's connections are refused.
 */
public final class SniOptionsSelector implements TlsSelector {

	private final String endpointName;

	private final SniHostMap<Entry> entries;

	private final int distinctSettings;

	/**
	 * @param endpointName the endpoint, for messages
	 * @param fallback the endpoint's TLS settings
	 * @param endpointProtocols the endpoint's protocols
	 * @param sni the entries, keyed as in configuration
	 * @throws IllegalArgumentException for an invalid key, or an entry without a
	 * certificate on an endpoint without one
	 */
	public SniOptionsSelector(String endpointName, HttpsConnectionAdapterOptions fallback,
			HttpProtocols endpointProtocols, Map<String, SniOptions> sni) {
		this.endpointName = endpointName;
		requireNonNull(fallback, "fallback");
		requireNonNull(endpointProtocols, "endpointProtocols");
		requireNonNull(sni, "sni");
		Map<TlsSettings, TlsSettings> canonical = new HashMap<>();
		Map<String, Entry> entries = new LinkedHashMap<>();
		sni.forEach((host, options) -> entries.put(host, entry(host, options, fallback, endpointProtocols, canonical)));
		this.entries = SniHostMap.of(entries);
		this.distinctSettings = canonical.size();
	}

	private Entry entry(String host, SniOptions options, HttpsConnectionAdapterOptions fallback,
			HttpProtocols endpointProtocols, Map<TlsSettings, TlsSettings> canonical) {
		HttpProtocols protocols = options.protocolsOr(endpointProtocols);
		Set<SslProtocols> sslProtocols = options.sslProtocolsOr(fallback);
		ClientCertificateMode mode = options.clientCertificateModeOr(fallback);
		boolean ocsp = options.ocspStaplingOr(fallback);
		TlsSettings settings;
		if (options.certificate() != null && options.certificate().isDeferred()) {
			return new DeferredEntry(this.endpointName, options.certificate(), fallback, sslProtocols, mode, protocols,
					ocsp);
		}
		if (options.certificate() != null) {
			ServerCertificate certificate = options.certificate().get();
			settings = TlsSettings.of(certificate, certificate.intermediates(), fallback, sslProtocols, mode,
					protocols);
		}
		else if (fallback.getServerCertificateSelector() != null) {
			return new SelectorEntry(this.endpointName, fallback, sslProtocols, mode, protocols, ocsp);
		}
		else if (fallback.hasServerCertificate()) {
			settings = TlsSettings.of(fallback.getServerCertificate(), fallback.getServerCertificateChain(), fallback,
					sslProtocols, mode, protocols);
		}
		else {
			throw new IllegalArgumentException("sni: " + host + " has no certificate (expected: one, or one on the "
					+ "endpoint " + this.endpointName + ")");
		}
		TlsSettings shared = canonical.computeIfAbsent(settings.withOcspStapling(ocsp), (key) -> key);
		return new StaticEntry(
				CompletableFuture.completedFuture(new TlsSelection(shared, fallback.getOnAuthenticate(), true)));
	}

	@Override
	public CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName) {
		Entry entry = this.entries.match(serverName);
		if (entry == null) {
			return Refusals.refuse(Reason.NO_MATCHING_SNI_SECTION,
					(serverName == null || serverName.isEmpty())
							? SniMessages.sniNotConfiguredToAllowNoServerName(this.endpointName)
							: SniMessages.sniNotConfiguredForServerName(serverName, this.endpointName),
					null);
		}
		return entry.select(connection, serverName);
	}

	/**
	 * @return the number of SNI entries
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * @return the number of distinct static settings, hence of TLS contexts at most
	 * (selector entries aside)
	 */
	public int distinctSettings() {
		return this.distinctSettings;
	}

	private interface Entry {

		CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName);

	}

	private record StaticEntry(CompletionStage<TlsSelection> selection) implements Entry {

		@Override
		public CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName) {
			return this.selection;
		}

	}

	private static final class DeferredEntry implements Entry {

		private final String endpointName;

		private final SniCertificate certificate;

		private final HttpsConnectionAdapterOptions fallback;

		private final Set<SslProtocols> sslProtocols;

		private final ClientCertificateMode mode;

		private final HttpProtocols protocols;

		private final boolean ocsp;

		private volatile CompletionStage<TlsSelection> selection;

		DeferredEntry(String endpointName, SniCertificate certificate, HttpsConnectionAdapterOptions fallback,
				Set<SslProtocols> sslProtocols, ClientCertificateMode mode, HttpProtocols protocols, boolean ocsp) {
			this.endpointName = endpointName;
			this.certificate = certificate;
			this.fallback = fallback;
			this.sslProtocols = sslProtocols;
			this.mode = mode;
			this.protocols = protocols;
			this.ocsp = ocsp;
		}

		@Override
		public CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName) {
			CompletionStage<TlsSelection> selected = this.selection;
			if (selected != null) {
				return selected;
			}
			ServerCertificate loaded;
			try {
				loaded = this.certificate.get();
			}
			catch (KestrelConfigurationException ex) {
				return Refusals.refuse(Reason.SERVER_ERROR, SniMessages.sniCertificateFailed(this.endpointName,
						this.certificate.key(), ex.getProblem().description()), null);
			}
			selected = CompletableFuture.completedFuture(new TlsSelection(TlsSettings
				.of(loaded, loaded.intermediates(), this.fallback, this.sslProtocols, this.mode, this.protocols)
				.withOcspStapling(this.ocsp), this.fallback.getOnAuthenticate(), true));
			this.selection = selected;
			return selected;
		}

	}

	private record SelectorEntry(String endpointName, HttpsConnectionAdapterOptions fallback,
			Set<SslProtocols> sslProtocols, ClientCertificateMode mode, HttpProtocols protocols,
			boolean ocsp) implements Entry {

		@Override
		public CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName) {
			ServerCertificateSelector selector = this.fallback.getServerCertificateSelector();
			try {
				ServerCertificate certificate = Refusals.select(selector, this.endpointName, connection, serverName,
						true);
				return CompletableFuture.completedFuture(
						new TlsSelection(TlsSettings
							.of(certificate, certificate.intermediates(), this.fallback, this.sslProtocols, this.mode,
									this.protocols)
							.withOcspStapling(this.ocsp), this.fallback.getOnAuthenticate(), false));
			}
			catch (TlsConnectionRefusedException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

	}

}
