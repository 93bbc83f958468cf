package dev.kestrel.internal.sni;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.ServerCertificateSelector;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.internal.sni.TlsConnectionRefusedException.Reason;
import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.internal.tls.ServerCertificateValidator;

/**
 * Refusing connections, and calling certificate selectors with Kestrel's checks.
 */
final class Refusals {

	private Refusals() {
	}

	static CompletionStage<TlsSelection> refuse(Reason reason, String message, Throwable cause) {
		return CompletableFuture.failedFuture(new TlsConnectionRefusedException(reason, message, cause));
	}

	/**
	 * Calls a certificate selector for one handshake.
	 * @param selector the selector
	 * @param endpointName the endpoint, for messages
	 * @param connection the connection
	 * @param serverName the SNI name, or {@code null}
	 * @param checkUsage whether to refuse a certificate without the Server Authentication
	 * usage (Kestrel checks it, except on the TLS handshake callback path)
	 * @return the certificate
	 * @throws TlsConnectionRefusedException when the selector fails, returns nothing or a
	 * certificate that cannot serve
	 */
	static ServerCertificate select(ServerCertificateSelector selector, String endpointName,
			TlsConnectionContext connection, String serverName, boolean checkUsage) {
		ServerCertificate certificate;
		try {
			certificate = selector.select(connection, serverName);
		}
		catch (RuntimeException ex) {
			throw new TlsConnectionRefusedException(Reason.SERVER_ERROR,
					SniMessages.serverCertificateSelectorFailed(endpointName, serverName), ex);
		}
		if (certificate == null) {
			throw new TlsConnectionRefusedException(Reason.NO_CERTIFICATE,
					SniMessages.serverCertificateSelectorReturnedNull(endpointName, serverName), null);
		}
		if (checkUsage && !ServerCertificateValidator.isAllowedForServerAuthentication(certificate.certificate())) {
			throw new TlsConnectionRefusedException(Reason.SERVER_ERROR,
					SniMessages.selectedCertificateCannotServe(endpointName, certificate.thumbprint()), null);
		}
		return certificate;
	}

}
