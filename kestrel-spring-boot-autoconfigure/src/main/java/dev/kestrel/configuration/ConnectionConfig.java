package dev.kestrel.configuration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The connection settings of an endpoint or of {@code EndpointDefaults}, as written
 * (parsed by the loader so that every error names its key).
 *
 * <pre>
 * Kestrel:
 *   Endpoints:
 *     Public:
 *       Url: https://*:443
 *       ProxyProtocol: On
 *       TrustedProxies: [ 10.0.0.0/8 ]
 *       ConnectionLogging: false
 * </pre>
 *
 * @param connectionLogging {@code ConnectionLogging}, or {@code null}
 * @param proxyProtocol {@code ProxyProtocol} ({@code Off}, {@code On}, {@code Auto}), or
 * {@code null}
 * @param trustedProxies {@code TrustedProxies}, or {@code null}
 */
public record ConnectionConfig(@Nullable Boolean connectionLogging, @Nullable String proxyProtocol,
		@Nullable List<String> trustedProxies) {

	/** Nothing set. */
	public static final ConnectionConfig EMPTY = new ConnectionConfig(null, null, null);

	/** The keys as bean properties: endpoint-wide, never in an SNI entry. */
	static final List<String> KEYS = List.of("connectionLogging", "proxyProtocol", "trustedProxies");

	/**
	 * Copies the list.
	 */
	public ConnectionConfig {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : null;
	}

	static ConnectionConfig of(KestrelProperties.EndpointDefaults section) {
		return new ConnectionConfig(section.getConnectionLogging(), section.getProxyProtocol(),
				section.getTrustedProxies());
	}

}
