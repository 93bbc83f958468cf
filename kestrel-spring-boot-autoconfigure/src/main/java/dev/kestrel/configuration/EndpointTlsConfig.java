package dev.kestrel.configuration;

/**
 * An endpoint's TLS switches beyond Kestrel's keys, as written in configuration (raw
 * values, parsed by the loader so that every error can name the key).
 *
 * <pre>
 * Kestrel:
 *   Endpoints:
 *     Https:
 *       TlsEngine: Jdk          # the process-wide kestrel.tls.engine when unset
 *       SessionTickets: false   # default true
 *       OcspStapling: false     # default true
 * </pre>
 *
 * @param tlsEngine the {@code TlsEngine} value, or {@code null}
 * @param sessionTickets the {@code SessionTickets} value, or {@code null}
 * @param ocspStapling the {@code OcspStapling} value, or {@code null}
 */
public record EndpointTlsConfig(String tlsEngine, Boolean sessionTickets, Boolean ocspStapling) {

	/** No key set. */
	public static final EndpointTlsConfig EMPTY = new EndpointTlsConfig(null, null, null);

	/**
	 * @return the first key set, PascalCase, or {@code null} when none is
	 */
	public String firstKeySet() {
		if (this.tlsEngine != null) {
			return "TlsEngine";
		}
		if (this.sessionTickets != null) {
			return "SessionTickets";
		}
		return (this.ocspStapling != null) ? "OcspStapling" : null;
	}

}
