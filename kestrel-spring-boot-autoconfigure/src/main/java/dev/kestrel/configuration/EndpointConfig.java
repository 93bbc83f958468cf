package dev.kestrel.configuration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One child of {@code Kestrel.Endpoints}, as written in configuration (raw values, parsed
 * by the loader so that every error can name the key).
 *
 * <pre>
 * Kestrel:
 *   Endpoints:
 *     Https:
 *       Url: https://*:5001
 *       Protocols: Http1AndHttp2
 *       SslProtocols: [ Tls12, Tls13 ]
 *       ClientCertificateMode: AllowCertificate
 *       Certificate: { Path: server.crt, KeyPath: server.key }
 *       Sni:
 *         "[a.example.org]": { Protocols: Http1 }
 * </pre>
 *
 * @param name the endpoint name (the configuration key, case preserved)
 * @param url the {@code Url} value, or {@code null} when missing
 * @param protocols the {@code Protocols} value, or {@code null}
 * @param sslProtocols the {@code SslProtocols} values, or {@code null}
 * @param clientCertificateMode the {@code ClientCertificateMode} value, or {@code null}
 * @param certificate the {@code Certificate} section
 * @param sni the {@code Sni} map, in configuration order
 * @param disableAltSvcHeader the {@code DisableAltSvcHeader} value (an extension: Kestrel
 * has it in code only), or {@code null}
 * @param connection the connection settings ({@code ConnectionLogging},
 * {@code ProxyProtocol}, {@code TrustedProxies})
 * @param limits the endpoint's {@code Limits} section (an extension: Kestrel has one set
 * for the server)
 * @param tls the {@code TlsEngine}, {@code SessionTickets} and {@code OcspStapling}
 * values (extensions)
 * @param allowedHosts the {@code AllowedHosts} value (replaces the top-level one for this
 * endpoint), or {@code null}
 * @param unixSocketPermissions the {@code UnixSocketPermissions} value (octal), or
 * {@code null}
 * @param customKeys keys of the endpoint's section that are not part of the schema
 * (relative to the endpoint, as written, e.g. {@code MyCustomKey}) and their values: the
 * application's own keys, read by its {@code endpoint(name, ...)} callback; the loader
 * fails for any that no callback reads
 */
public record EndpointConfig(String name, String url, String protocols, List<String> sslProtocols,
		String clientCertificateMode, CertificateConfig certificate, Map<String, SniConfig> sni,
		Boolean disableAltSvcHeader, ConnectionConfig connection, LimitsConfig limits, EndpointTlsConfig tls,
		String allowedHosts, String unixSocketPermissions, Map<String, String> customKeys) {

	public EndpointConfig {
		requireNonNull(name, "name");
		sslProtocols = (sslProtocols != null) ? List.copyOf(sslProtocols) : null;
		certificate = (certificate != null) ? certificate : CertificateConfig.EMPTY;
		sni = (sni != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(sni)) : Map.of();
		connection = (connection != null) ? connection : ConnectionConfig.EMPTY;
		limits = (limits != null) ? limits : LimitsConfig.EMPTY;
		tls = (tls != null) ? tls : EndpointTlsConfig.EMPTY;
		customKeys = (customKeys != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(customKeys)) : Map.of();
	}

	/**
	 * Creates an endpoint without the hosting keys and custom keys.
	 * @param name the endpoint name
	 * @param url the {@code Url} value, or {@code null}
	 * @param protocols the {@code Protocols} value, or {@code null}
	 * @param sslProtocols the {@code SslProtocols} values, or {@code null}
	 * @param clientCertificateMode the {@code ClientCertificateMode} value, or
	 * {@code null}
	 * @param certificate the {@code Certificate} section
	 * @param sni the {@code Sni} map
	 * @param disableAltSvcHeader the {@code DisableAltSvcHeader} value, or {@code null}
	 * @param connection the connection settings
	 * @param limits the {@code Limits} section
	 * @param tls the TLS extensions
	 */
	public EndpointConfig(String name, String url, String protocols, List<String> sslProtocols,
			String clientCertificateMode, CertificateConfig certificate, Map<String, SniConfig> sni,
			Boolean disableAltSvcHeader, ConnectionConfig connection, LimitsConfig limits, EndpointTlsConfig tls) {
		this(name, url, protocols, sslProtocols, clientCertificateMode, certificate, sni, disableAltSvcHeader,
				connection, limits, tls, null, null, null);
	}

	/**
	 * Creates an endpoint without limits, TLS extensions, hosting keys and custom keys.
	 * @param name the endpoint name
	 * @param url the {@code Url} value, or {@code null}
	 * @param protocols the {@code Protocols} value, or {@code null}
	 * @param sslProtocols the {@code SslProtocols} values, or {@code null}
	 * @param clientCertificateMode the {@code ClientCertificateMode} value, or
	 * {@code null}
	 * @param certificate the {@code Certificate} section
	 * @param sni the {@code Sni} map
	 * @param disableAltSvcHeader the {@code DisableAltSvcHeader} value, or {@code null}
	 * @param connection the connection settings
	 */
	public EndpointConfig(String name, String url, String protocols, List<String> sslProtocols,
			String clientCertificateMode, CertificateConfig certificate, Map<String, SniConfig> sni,
			Boolean disableAltSvcHeader, ConnectionConfig connection) {
		this(name, url, protocols, sslProtocols, clientCertificateMode, certificate, sni, disableAltSvcHeader,
				connection, null, null, null, null, null);
	}

	/**
	 * @param customKeys the endpoint's custom keys and their values
	 * @return this endpoint with those custom keys
	 */
	public EndpointConfig withCustomKeys(Map<String, String> customKeys) {
		return new EndpointConfig(this.name, this.url, this.protocols, this.sslProtocols, this.clientCertificateMode,
				this.certificate, this.sni, this.disableAltSvcHeader, this.connection, this.limits, this.tls,
				this.allowedHosts, this.unixSocketPermissions, customKeys);
	}

	/**
	 * Creates an endpoint without connection settings, limits and TLS extensions.
	 * @param name the endpoint name
	 * @param url the {@code Url} value, or {@code null}
	 * @param protocols the {@code Protocols} value, or {@code null}
	 * @param sslProtocols the {@code SslProtocols} values, or {@code null}
	 * @param clientCertificateMode the {@code ClientCertificateMode} value, or
	 * {@code null}
	 * @param certificate the {@code Certificate} section
	 * @param sni the {@code Sni} map
	 * @param disableAltSvcHeader the {@code DisableAltSvcHeader} value, or {@code null}
	 */
	public EndpointConfig(String name, String url, String protocols, List<String> sslProtocols,
			String clientCertificateMode, CertificateConfig certificate, Map<String, SniConfig> sni,
			Boolean disableAltSvcHeader) {
		this(name, url, protocols, sslProtocols, clientCertificateMode, certificate, sni, disableAltSvcHeader,
				ConnectionConfig.EMPTY, LimitsConfig.EMPTY, EndpointTlsConfig.EMPTY);
	}

	/**
	 * Creates an endpoint without {@code DisableAltSvcHeader}.
	 * @param name the endpoint name
	 * @param url the {@code Url} value, or {@code null}
	 * @param protocols the {@code Protocols} value, or {@code null}
	 * @param sslProtocols the {@code SslProtocols} values, or {@code null}
	 * @param clientCertificateMode the {@code ClientCertificateMode} value, or
	 * {@code null}
	 * @param certificate the {@code Certificate} section
	 * @param sni the {@code Sni} map
	 */
	public EndpointConfig(String name, String url, String protocols, List<String> sslProtocols,
			String clientCertificateMode, CertificateConfig certificate, Map<String, SniConfig> sni) {
		this(name, url, protocols, sslProtocols, clientCertificateMode, certificate, sni, null, ConnectionConfig.EMPTY,
				LimitsConfig.EMPTY, EndpointTlsConfig.EMPTY);
	}

	/**
	 * Creates an endpoint that has only a name and a URL.
	 * @param name the endpoint name
	 * @param url the URL
	 * @return the endpoint configuration
	 */
	public static EndpointConfig of(String name, String url) {
		return new EndpointConfig(name, url, null, null, null, null, null);
	}

	/**
	 * Returns the full configuration key of a key of this endpoint, for messages.
	 * @param key the key below the endpoint, e.g. {@code url}
	 * @return e.g. {@code kestrel.endpoints.Http.url}
	 */
	public String key(String key) {
		return "kestrel.endpoints." + this.name + "." + key;
	}

}
