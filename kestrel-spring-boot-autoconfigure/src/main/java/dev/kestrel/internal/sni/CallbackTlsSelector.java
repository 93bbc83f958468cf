package dev.kestrel.internal.sni;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.options.TlsConnectionOptions;
import dev.kestrel.options.TlsHandshakeCallbackContext;
import dev.kestrel.options.TlsHandshakeCallbackOptions;
import dev.kestrel.internal.sni.TlsConnectionRefusedException.Reason;
import dev.kestrel.certificates.ServerCertificate;

/**
 * An endpoint configured with {@code useHttps(TlsHandshakeCallbackOptions)}: the callback
 * returns each connection's whole TLS configuration. No HTTPS default and no Extended Key
 * Usage check apply (Kestrel's rules for this path); the protocols default to the
 * endpoint's.
 */
final class CallbackTlsSelector implements TlsSelector {

	private final String endpointName;

	private final TlsHandshakeCallbackOptions callbackOptions;

	private final HttpProtocols endpointProtocols;

	CallbackTlsSelector(String endpointName, TlsHandshakeCallbackOptions callbackOptions,
			HttpProtocols endpointProtocols) {
		this.endpointName = endpointName;
		this.callbackOptions = callbackOptions;
		this.endpointProtocols = endpointProtocols;
	}

	@Override
	public CompletionStage<TlsSelection> select(TlsConnectionContext connection, String serverName) {
		CompletionStage<TlsConnectionOptions> stage;
		try {
			stage = this.callbackOptions.getOnConnection()
				.onConnection(new TlsHandshakeCallbackContext(connection, serverName,
						this.callbackOptions.getOnConnectionState()));
		}
		catch (RuntimeException ex) {
			return Refusals.refuse(Reason.SERVER_ERROR,
					SniMessages.tlsHandshakeCallbackFailed(this.endpointName, serverName), ex);
		}
		if (stage == null) {
			return Refusals.refuse(Reason.NO_CERTIFICATE,
					SniMessages.tlsHandshakeCallbackReturnedNothing(this.endpointName, serverName), null);
		}
		return stage.handle((result, failure) -> {
			if (failure != null) {
				Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure;
				if (cause instanceof TlsConnectionRefusedException refused) {
					throw refused;
				}
				throw new TlsConnectionRefusedException(Reason.SERVER_ERROR,
						SniMessages.tlsHandshakeCallbackFailed(this.endpointName, serverName), cause);
			}
			if (result == null) {
				throw new TlsConnectionRefusedException(Reason.NO_CERTIFICATE,
						SniMessages.tlsHandshakeCallbackReturnedNothing(this.endpointName, serverName), null);
			}
			return selection(result, connection, serverName);
		});
	}

	private TlsSelection selection(TlsConnectionOptions result, TlsConnectionContext connection, String serverName) {
		HttpsConnectionAdapterOptions https = result.httpsOptions();
		HttpProtocols protocols = (result.protocols() != null) ? result.protocols() : this.endpointProtocols;
		ServerCertificate certificate;
		List<X509Certificate> chain;
		if (https.getServerCertificateSelector() != null) {
			certificate = Refusals.select(https.getServerCertificateSelector(), this.endpointName, connection,
					serverName, false);
			chain = certificate.intermediates();
		}
		else if (https.hasServerCertificate()) {
			certificate = https.getServerCertificate();
			chain = https.getServerCertificateChain();
		}
		else {
			throw new TlsConnectionRefusedException(Reason.SERVER_ERROR,
					SniMessages.tlsHandshakeCallbackWithoutCertificate(this.endpointName, serverName), null);
		}
		return new TlsSelection(TlsSettings.of(certificate, chain, https, protocols), https.getOnAuthenticate(), false);
	}

}
