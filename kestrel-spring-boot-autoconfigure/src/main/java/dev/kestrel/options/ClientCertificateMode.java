package dev.kestrel.options;

import java.util.Locale;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;

/**
 * Whether the server asks clients for a certificate, as Kestrel names it.
 */
public enum ClientCertificateMode {

	/** No certificate is requested (the default). */
	NO_CERTIFICATE("NoCertificate"),

	/** A certificate is requested; connections without one are accepted. */
	ALLOW_CERTIFICATE("AllowCertificate"),

	/** A certificate is required; the handshake fails without one. */
	REQUIRE_CERTIFICATE("RequireCertificate"),

	/**
	 * Kestrel requests the certificate later, through TLS renegotiation, when the
	 * application asks for it. Netty has no API for renegotiation or TLS 1.3
	 * post-handshake authentication, so on this starter {@code DelayCertificate} requests
	 * the certificate during the handshake and accepts connections without one — exactly
	 * {@link #ALLOW_CERTIFICATE}. The difference a user can notice: a browser may show
	 * its certificate chooser at connection time rather than on the first request that
	 * needs the certificate.
	 */
	DELAY_CERTIFICATE("DelayCertificate");

	private final String kestrelName;

	ClientCertificateMode(String kestrelName) {
		this.kestrelName = kestrelName;
	}

	/**
	 * @return Kestrel's name, e.g. {@code RequireCertificate}
	 */
	public String kestrelName() {
		return this.kestrelName;
	}

	/**
	 * @return whether a certificate is requested in the handshake
	 */
	public boolean requestsCertificate() {
		return this != NO_CERTIFICATE;
	}

	/**
	 * Parses a configuration value, case-insensitively (Kestrel's name or the Java
	 * constant name).
	 * @param value the value
	 * @return the mode
	 * @throws KestrelConfigurationException for an unknown value
	 */
	public static ClientCertificateMode parse(String value) {
		String normalized = (value != null) ? value.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT)
				: "";
		for (ClientCertificateMode mode : values()) {
			if (mode.kestrelName.toLowerCase(Locale.ROOT).equals(normalized)) {
				return mode;
			}
		}
		throw new KestrelConfigurationException(
				CertificateMessages.invalidClientCertificateMode(String.valueOf(value)));
	}

	/**
	 * @return a one-line description, shown by IDE completion (the configuration
	 * metadata's hints are generated from it)
	 */
	public String description() {
		return switch (this) {
			case NO_CERTIFICATE -> "No client certificate is requested (the default).";
			case ALLOW_CERTIFICATE -> "A client certificate is requested but optional.";
			case REQUIRE_CERTIFICATE -> "A client certificate is required.";
			case DELAY_CERTIFICATE -> "On Netty, the same as AllowCertificate (no renegotiation).";
		};
	}

	@Override
	public String toString() {
		return this.kestrelName;
	}

}
