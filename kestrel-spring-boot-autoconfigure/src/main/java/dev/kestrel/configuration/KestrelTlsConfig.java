package dev.kestrel.configuration;

/**
 * The starter-wide TLS switches ({@code kestrel.tls.*}), raw.
 *
 * @param engine {@code kestrel.tls.engine} (default {@code auto})
 * @param sessionTicketKeys {@code kestrel.tls.session-ticket-keys}: a file of 48-byte
 * session-ticket keys, or {@code null} for keys generated and rotated in memory
 */
public record KestrelTlsConfig(String engine, String sessionTicketKeys) {

	/** The defaults. */
	public static final KestrelTlsConfig DEFAULT = new KestrelTlsConfig("auto", null);

}
