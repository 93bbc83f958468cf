package dev.kestrel.options;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;

/**
 * TLS versions, as Kestrel names them ({@code SslProtocols}). An empty set means the
 * platform default (TLS 1.2 and TLS 1.3). {@link #TLS} and {@link #TLS11} are obsolete
 * and are only used when named explicitly.
 */
public enum SslProtocols {

	/** TLS 1.0 (obsolete). */
	TLS("Tls", "TLSv1"),

	/** TLS 1.1 (obsolete). */
	TLS11("Tls11", "TLSv1.1"),

	/** TLS 1.2. */
	TLS12("Tls12", "TLSv1.2"),

	/** TLS 1.3. */
	TLS13("Tls13", "TLSv1.3");

	private final String kestrelName;

	private final String jsseName;

	SslProtocols(String kestrelName, String jsseName) {
		this.kestrelName = kestrelName;
		this.jsseName = jsseName;
	}

	/**
	 * @return Kestrel's name, e.g. {@code Tls12}
	 */
	public String kestrelName() {
		return this.kestrelName;
	}

	/**
	 * @return the JSSE / OpenSSL protocol name, e.g. {@code TLSv1.2}
	 */
	public String jsseName() {
		return this.jsseName;
	}

	/**
	 * @return a one-line description, shown by IDE completion (the configuration
	 * metadata's hints are generated from it)
	 */
	public String description() {
		return switch (this) {
			case TLS -> "TLS 1.0 (obsolete).";
			case TLS11 -> "TLS 1.1 (obsolete).";
			case TLS12 -> "TLS 1.2.";
			case TLS13 -> "TLS 1.3.";
		};
	}

	/**
	 * Parses configuration values, case-insensitively. {@code None} (alone) means the
	 * platform default.
	 * @param values the values, e.g. {@code [Tls12, Tls13]}
	 * @return the protocols (empty for the platform default)
	 * @throws KestrelConfigurationException for an unknown value
	 */
	public static Set<SslProtocols> parse(Collection<String> values) {
		EnumSet<SslProtocols> protocols = EnumSet.noneOf(SslProtocols.class);
		for (String value : values) {
			String normalized = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
			if (normalized.equals("none") || normalized.equals("default")) {
				continue;
			}
			protocols.add(parseOne(value, normalized));
		}
		return protocols;
	}

	private static SslProtocols parseOne(String value, String normalized) {
		for (SslProtocols protocol : values()) {
			if (protocol.kestrelName.toLowerCase(Locale.ROOT).equals(normalized)
					|| protocol.jsseName.toLowerCase(Locale.ROOT).equals(normalized)) {
				return protocol;
			}
		}
		throw new KestrelConfigurationException(CertificateMessages.invalidSslProtocols(String.valueOf(value)));
	}

}
