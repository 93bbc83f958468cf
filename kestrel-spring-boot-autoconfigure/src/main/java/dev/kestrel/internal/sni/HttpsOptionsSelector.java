package dev.kestrel.internal.sni;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.certificates.ServerCertificate;

/**
 * An endpoint without an {@code Sni} section: its certificate selector, called per
 * handshake, else its one certificate.
 */
final class HttpsOptionsSelector implements TlsSelector {

	private final String endpointName;

	private final HttpsConnectionAdapterOptions options;

	private final HttpProtocols protocols;

	private final CompletionStage<TlsSelection> fixed;

	HttpsOptionsSelector(String endpointName, HttpsConnectionAdapterOptions options, HttpProtocols protocols) {
		this.endpointName = endpointName;
		this.options = options;
		this.protocols = protocols;
		this.fixed = (options.getServerCertificateSelector() == null)
				? CompletableFuture.completedFuture(new TlsSelection(TlsSettings.of(options.getServerCertificate(),
						options.getServerCertificateChain(), options, protocols), options.getOnAuthenticate(), true))
				: null;
	}

	@Override
	public CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName) {
		if (this.fixed != null) {
			return this.fixed;
		}
		try {
			ServerCertificate certificate = Refusals.select(this.options.getServerCertificateSelector(),
					this.endpointName, connection, serverName, true);
			return CompletableFuture.completedFuture(new TlsSelection(
					TlsSettings.of(certificate, certificate.intermediates(), this.options, this.protocols),
					this.options.getOnAuthenticate(), false));
		}
		catch (TlsConnectionRefusedException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
