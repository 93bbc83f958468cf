package dev.kestrel.options;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a client certificate is accepted (Kestrel's
 * {@code ClientCertificateValidation}). Without a validator, a certificate with any
 * {@link ClientCertificateError} is rejected.
 */
@FunctionalInterface
public interface ClientCertificateValidator {

	/**
	 * @param certificate the client's certificate
	 * @param chain the chain the client sent, leaf first
	 * @param errors what the platform's validation found wrong (empty when the chain is
	 * trusted)
	 * @return whether to accept the certificate
	 */
	boolean validate(X509Certificate certificate, List<X509Certificate> chain, Set<ClientCertificateError> errors);

	/**
	 * What the platform's validation can find wrong with a client certificate (.NET's
	 * {@code SslPolicyErrors}).
	 */
	enum ClientCertificateError {

		/**
		 * The chain does not lead to a trusted authority, or a certificate in it is
		 * invalid (expired, wrong usage).
		 */
		CHAIN_ERRORS,

		/**
		 * Revocation checking was asked for and the certificate is revoked or its status
		 * could not be determined.
		 */
		REVOCATION

	}

}
