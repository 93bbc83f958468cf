package dev.kestrel.internal.sni;

import static java.util.Objects.requireNonNull;

/**
 * Refuses a TLS connection before the server sends its certificate. The handshake fails
 * with a TLS alert and the connection is closed; no HTTP response is sent.
 */
public class TlsConnectionRefusedException extends RuntimeException {

	private final Reason reason;

	/**
	 * @param reason why the connection is refused
	 * @param message the log line (from a message catalogue)
	 * @param cause the cause, or {@code null}
	 */
	public TlsConnectionRefusedException(Reason reason, String message, Throwable cause) {
		super(message, cause, false, false);
		this.reason = requireNonNull(reason, "reason");
	}

	/**
	 * @return why the connection is refused
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why a connection is refused; decides the TLS alert and how loudly it is logged.
	 */
	public enum Reason {

		/**
		 * No SNI section matches the name the client asked for (alert
		 * {@code unrecognized_name}; logged at debug level: clients decide what they
		 * send).
		 */
		NO_MATCHING_SNI_SECTION,

		/**
		 * The application chose not to serve the connection, e.g. a certificate selector
		 * returned {@code null} (alert {@code handshake_failure}; debug level).
		 */
		NO_CERTIFICATE,

		/**
		 * Application code failed or returned something unusable, e.g. a certificate
		 * without the Server Authentication usage (alert {@code internal_error}; warning
		 * level: the server is at fault).
		 */
		SERVER_ERROR

	}

}
