package dev.kestrel.devcerts.trust;

import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * One place where the current user's clients look for trusted certificates.
 * {@link DevelopmentCertificateTrust} runs every target in turn and combines their
 * outcomes; each target reports its own steps.
 */
interface TrustTarget {

	/**
	 * Trusts a certificate here, reporting each step.
	 * @param certificate the certificate (its key is never written anywhere)
	 * @return the outcome
	 */
	Outcome trust(X509Certificate certificate);

	/**
	 * Called once every target has trusted the certificate and some of them did: reports
	 * what the user must still do for this target's clients to trust it.
	 * @param outcome what {@link #trust} returned
	 * @return whether nothing is left to do
	 */
	default boolean advise(Outcome outcome) {
		return true;
	}

	/**
	 * Checks whether the certificate is trusted here without changing anything; details
	 * go to the reporter's verbose channel.
	 * @param certificate the certificate
	 * @return the outcome
	 */
	Outcome check(X509Certificate certificate);

	/**
	 * Removes the certificate from where {@link #trust} put it.
	 * @param certificate the certificate
	 * @return whether it is gone
	 */
	boolean untrust(X509Certificate certificate);

	/**
	 * Lists the development certificates found here, for {@code --clean}.
	 * @return certificates by thumbprint
	 */
	default Map<String, X509Certificate> trustedCertificates() {
		return Map.of();
	}

	/** What a target did or found. */
	enum Outcome {

		/** Every step succeeded, or every client of the target trusts the certificate. */
		TRUSTED,

		/** Some steps succeeded (some NSS databases, not all). */
		PARTIAL,

		/** No step succeeded. */
		NOT_TRUSTED,

		/** Nothing to do here (no NSS database). */
		SKIPPED,

		/**
		 * Failed before the targets that follow could use its work (the PEM file NSS
		 * imports could not be written): trusting stops with {@link TrustLevel#NONE}.
		 */
		ABORTED;

		/**
		 * Returns the outcome of steps that each succeeded or failed.
		 * @param succeeded whether some step succeeded
		 * @param failed whether some step failed
		 * @return the outcome
		 */
		static Outcome of(boolean succeeded, boolean failed) {
			if (succeeded) {
				return failed ? PARTIAL : TRUSTED;
			}
			return failed ? NOT_TRUSTED : SKIPPED;
		}

		boolean succeeded() {
			return this == TRUSTED || this == PARTIAL;
		}

		boolean failed() {
			return this == NOT_TRUSTED || this == PARTIAL;
		}

	}

}
