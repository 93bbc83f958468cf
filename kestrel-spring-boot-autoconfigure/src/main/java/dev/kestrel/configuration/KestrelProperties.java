package dev.kestrel.configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code Kestrel} section, written in YAML as Kestrel users write it in
 * {@code appsettings.json} (PascalCase or kebab-case both bind):
 *
 * <pre>
 * Kestrel:
 *   EndpointDefaults:
 *     Protocols: Http1AndHttp2
 *   Endpoints:
 *     Http:
 *       Url: http://localhost:5000
 *     Internal:
 *       Url: http://unix:/run/app.sock
 *       Protocols: Http1
 * </pre>
 *
 * Unknown keys fail startup, so that no setting is ever silently ignored.
 */
@ConfigurationProperties(prefix = "kestrel", ignoreUnknownFields = false)
public class KestrelProperties {

	/** Whether the starter replaces Spring Boot's single-port Reactor Netty server. */
	private boolean enabled = true;

	/**
	 * Addresses to listen on when no endpoint is configured, separated by ';'
	 * (lowest-precedence address list).
	 */
	private String urls;

	/** Named endpoints (the name is case-insensitive). */
	private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

	/** Values every configured endpoint starts from. */
	private EndpointDefaults endpointDefaults = new EndpointDefaults();

	/**
	 * Named certificates: 'Default' is the fallback certificate of every HTTPS endpoint.
	 */
	private Map<String, Certificate> certificates = new LinkedHashMap<>();

	/**
	 * Whether cleartext Http1AndHttp2 endpoints serve h2c (prior knowledge and 'Upgrade:
	 * h2c') next to HTTP/1.1 on the same port. False gives Kestrel's behaviour: HTTP/1.1
	 * only, with Kestrel's warning when Protocols was set.
	 */
	private boolean cleartextHttp2 = true;

	/** The development certificate used by HTTPS endpoints that have no certificate. */
	private DevelopmentCertificate developmentCertificate = new DevelopmentCertificate();

	/**
	 * The server's limits (Kestrel's Limits), which every endpoint inherits unless it
	 * sets its own.
	 */
	private Limits limits;

	/** TLS engine and session resumption of every HTTPS endpoint. */
	private Tls tls = new Tls();

	/**
	 * Whether the default binding (nothing configured) adds https://localhost:5001 next
	 * to http://localhost:5000 when a default certificate exists (Certificates.Default or
	 * a valid development certificate), as Kestrel's documentation describes.
	 */
	private boolean defaultHttps = true;

	/**
	 * Whether address lists (urls, ASPNETCORE_URLS, kestrel.urls, HTTP_PORTS) win over
	 * endpoints from configuration and code (Kestrel's PreferHostingUrls).
	 */
	private boolean preferHostingUrls;

	/**
	 * Redirection of requests on plain-HTTP endpoints to HTTPS (ASP.NET Core's
	 * UseHttpsRedirection), off by default.
	 */
	private HttpsRedirection httpsRedirection = new HttpsRedirection();

	/**
	 * The Strict-Transport-Security header on HTTPS responses (ASP.NET Core's UseHsts),
	 * off by default.
	 */
	private Hsts hsts = new Hsts();

	public HttpsRedirection getHttpsRedirection() {
		return this.httpsRedirection;
	}

	public void setHttpsRedirection(HttpsRedirection httpsRedirection) {
		this.httpsRedirection = httpsRedirection;
	}

	public Hsts getHsts() {
		return this.hsts;
	}

	public void setHsts(Hsts hsts) {
		this.hsts = hsts;
	}

	/**
	 * Redirection to HTTPS, as ASP.NET Core's HttpsRedirectionOptions.
	 */
	public static class HttpsRedirection {

		/** Whether requests on plain-HTTP endpoints are redirected to HTTPS. */
		private boolean enabled;

		/** The redirect status: 307 (default, Temporary Redirect) or 308 (Permanent). */
		private int statusCode = 307;

		/**
		 * The HTTPS port in the Location header; unset: HTTPS_PORT /
		 * ASPNETCORE_HTTPS_PORT, else the port of the one HTTPS endpoint bound (no
		 * redirect, with a warning, when there are none or several).
		 */
		private Integer httpsPort;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getStatusCode() {
			return this.statusCode;
		}

		public void setStatusCode(int statusCode) {
			this.statusCode = statusCode;
		}

		public Integer getHttpsPort() {
			return this.httpsPort;
		}

		public void setHttpsPort(Integer httpsPort) {
			this.httpsPort = httpsPort;
		}

	}

	/**
	 * The Strict-Transport-Security header, as ASP.NET Core's HstsOptions.
	 */
	public static class Hsts {

		/** Whether HTTPS responses carry Strict-Transport-Security. */
		private boolean enabled;

		/** The max-age directive (default 30 days, as ASP.NET Core). */
		private Duration maxAge = Duration.ofDays(30);

		/** Whether to add the includeSubDomains directive. */
		private boolean includeSubDomains;

		/** Whether to add the preload directive. */
		private boolean preload;

		/**
		 * Hosts that never get the header (default localhost, 127.0.0.1 and [::1], as
		 * ASP.NET Core).
		 */
		private List<String> excludedHosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public boolean isIncludeSubDomains() {
			return this.includeSubDomains;
		}

		public void setIncludeSubDomains(boolean includeSubDomains) {
			this.includeSubDomains = includeSubDomains;
		}

		public boolean isPreload() {
			return this.preload;
		}

		public void setPreload(boolean preload) {
			this.preload = preload;
		}

		public List<String> getExcludedHosts() {
			return this.excludedHosts;
		}

		public void setExcludedHosts(List<String> excludedHosts) {
			this.excludedHosts = excludedHosts;
		}

	}

	public boolean isDefaultHttps() {
		return this.defaultHttps;
	}

	public void setDefaultHttps(boolean defaultHttps) {
		this.defaultHttps = defaultHttps;
	}

	public boolean isPreferHostingUrls() {
		return this.preferHostingUrls;
	}

	public void setPreferHostingUrls(boolean preferHostingUrls) {
		this.preferHostingUrls = preferHostingUrls;
	}

	/** The 'kestrel' health contributor (with Spring Boot Actuator). */
	private Health health = new Health();

	/** Kestrel's Micrometer meters (with Micrometer). */
	private Metrics metrics = new Metrics();

	public Health getHealth() {
		return this.health;
	}

	public void setHealth(Health health) {
		this.health = health;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public void setMetrics(Metrics metrics) {
		this.metrics = metrics;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isCleartextHttp2() {
		return this.cleartextHttp2;
	}

	public void setCleartextHttp2(boolean cleartextHttp2) {
		this.cleartextHttp2 = cleartextHttp2;
	}

	public String getUrls() {
		return this.urls;
	}

	public void setUrls(String urls) {
		this.urls = urls;
	}

	public Map<String, Endpoint> getEndpoints() {
		return this.endpoints;
	}

	public void setEndpoints(Map<String, Endpoint> endpoints) {
		this.endpoints = endpoints;
	}

	public EndpointDefaults getEndpointDefaults() {
		return this.endpointDefaults;
	}

	public void setEndpointDefaults(EndpointDefaults endpointDefaults) {
		this.endpointDefaults = endpointDefaults;
	}

	public Map<String, Certificate> getCertificates() {
		return this.certificates;
	}

	public void setCertificates(Map<String, Certificate> certificates) {
		this.certificates = certificates;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public void setLimits(Limits limits) {
		this.limits = limits;
	}

	public DevelopmentCertificate getDevelopmentCertificate() {
		return this.developmentCertificate;
	}

	public void setDevelopmentCertificate(DevelopmentCertificate developmentCertificate) {
		this.developmentCertificate = developmentCertificate;
	}

	public Tls getTls() {
		return this.tls;
	}

	public void setTls(Tls tls) {
		this.tls = tls;
	}

	/**
	 * TLS settings of the whole process.
	 */
	public static class Tls {

		/**
		 * TLS engine: auto (default: OpenSSL, then BoringSSL, then the JDK), openssl (the
		 * host's OpenSSL 3.2+ through netty-tcnative, needs libapr1), boringssl or jdk.
		 * One native engine per JVM.
		 */
		private String engine = "auto";

		/**
		 * File of session-ticket keys shared by every instance behind a load balancer:
		 * 48-byte keys in nginx's ssl_session_ticket_key format (16-byte name, 16-byte
		 * HMAC key, 16-byte AES key), the first one encrypts; a replaced file is picked
		 * up. Unset: keys generated in memory and rotated. Not with the JDK engine.
		 */
		private String sessionTicketKeys;

		public String getEngine() {
			return this.engine;
		}

		public void setEngine(String engine) {
			this.engine = engine;
		}

		public String getSessionTicketKeys() {
			return this.sessionTicketKeys;
		}

		public void setSessionTicketKeys(String sessionTicketKeys) {
			this.sessionTicketKeys = sessionTicketKeys;
		}

	}

	/**
	 * The 'kestrel' health contributor: DOWN when an endpoint is not bound; a certificate
	 * that expires within the threshold reports the configured status.
	 */
	public static class Health {

		/** How long before a certificate's end of validity it counts as expiring. */
		private Duration certificateExpiryThreshold = Duration.ofDays(14);

		/**
		 * The status reported while a certificate is expiring (UP with details, or for
		 * example OUT_OF_SERVICE).
		 */
		private String certificateExpiryStatus = "UP";

		public Duration getCertificateExpiryThreshold() {
			return this.certificateExpiryThreshold;
		}

		public void setCertificateExpiryThreshold(Duration certificateExpiryThreshold) {
			this.certificateExpiryThreshold = certificateExpiryThreshold;
		}

		public String getCertificateExpiryStatus() {
			return this.certificateExpiryStatus;
		}

		public void setCertificateExpiryStatus(String certificateExpiryStatus) {
			this.certificateExpiryStatus = certificateExpiryStatus;
		}

	}

	/**
	 * Kestrel's meters (kestrel.active_connections, kestrel.connection.duration, ...).
	 */
	public static class Metrics {

		/**
		 * Whether every endpoint records Kestrel's connection and TLS handshake meters.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The development certificate (CN=localhost, in the CurrentUser/My store, shared with
	 * 'dotnet dev-certs').
	 */
	public static class DevelopmentCertificate {

		/**
		 * Whether to create a development certificate at startup when none is valid.
		 * Meant for development only.
		 */
		private boolean autoCreate;

		public boolean isAutoCreate() {
			return this.autoCreate;
		}

		public void setAutoCreate(boolean autoCreate) {
			this.autoCreate = autoCreate;
		}

	}

	/**
	 * The settings of {@code EndpointDefaults}, which every endpoint and SNI entry also
	 * has (an unset value falls back: SNI entry → endpoint → {@code EndpointDefaults} →
	 * Kestrel's default).
	 */
	public static class EndpointDefaults {

		/**
		 * HTTP protocols (ALPN over TLS): Http1, Http2, Http1AndHttp2 (default), Http3,
		 * Http1AndHttp2AndHttp3.
		 */
		private String protocols;

		/** TLS versions (Tls12, Tls13); platform default when unset. */
		private List<String> sslProtocols;

		/**
		 * Client certificate mode: NoCertificate (default), AllowCertificate,
		 * RequireCertificate, DelayCertificate.
		 */
		private String clientCertificateMode;

		/**
		 * Whether to log every byte of every connection at debug level on
		 * 'dev.kestrel.connections.ConnectionLogging' (decrypted bytes; Kestrel's
		 * UseConnectionLogging, here in configuration). Endpoint-wide: not in SNI
		 * entries. Default false.
		 */
		private Boolean connectionLogging;

		/**
		 * Whether connections start with a PROXY protocol header (v1 or v2) whose source
		 * becomes the client address: Off (default), On (required), Auto (read when
		 * present). Endpoint-wide: not in SNI entries.
		 */
		private String proxyProtocol;

		/**
		 * Peers (IP addresses or CIDR networks) whose PROXY protocol headers are
		 * believed; unset: every peer (with a start-up warning). Endpoint-wide: not in
		 * SNI entries.
		 */
		private List<String> trustedProxies;

		public Boolean getConnectionLogging() {
			return this.connectionLogging;
		}

		public void setConnectionLogging(Boolean connectionLogging) {
			this.connectionLogging = connectionLogging;
		}

		public String getProxyProtocol() {
			return this.proxyProtocol;
		}

		public void setProxyProtocol(String proxyProtocol) {
			this.proxyProtocol = proxyProtocol;
		}

		public List<String> getTrustedProxies() {
			return this.trustedProxies;
		}

		public void setTrustedProxies(List<String> trustedProxies) {
			this.trustedProxies = trustedProxies;
		}

		/**
		 * Limits over the server's (Kestrel.Limits). An SNI entry may set the
		 * request-level ones: MaxRequestBodySize, MaxRequestLineSize,
		 * MaxRequestHeadersTotalSize, MaxRequestHeaderCount and RequestHeadersTimeout.
		 */
		private Limits limits;

		public Limits getLimits() {
			return this.limits;
		}

		public void setLimits(Limits limits) {
			this.limits = limits;
		}

		public String getProtocols() {
			return this.protocols;
		}

		public void setProtocols(String protocols) {
			this.protocols = protocols;
		}

		public List<String> getSslProtocols() {
			return this.sslProtocols;
		}

		public void setSslProtocols(List<String> sslProtocols) {
			this.sslProtocols = sslProtocols;
		}

		public String getClientCertificateMode() {
			return this.clientCertificateMode;
		}

		public void setClientCertificateMode(String clientCertificateMode) {
			this.clientCertificateMode = clientCertificateMode;
		}

	}

	/**
	 * One entry of an endpoint's SNI map ({@code Kestrel.Endpoints.<Name>.Sni.<host>}):
	 * the {@code EndpointDefaults} settings and a certificate. The starter binds each
	 * entry to this type after splitting the property names at the host name, from the
	 * right, so that {@code Sni.a.example.org.Protocols},
	 * {@code Sni[a.example.org].Protocols} and YAML's {@code "a.example.org":} all work.
	 */
	public static class Sni extends EndpointDefaults {

		/** Server certificate. */
		private Certificate certificate;

		/**
		 * Whether OCSP responses are stapled for the certificate when it names an OCSP
		 * responder (OpenSSL and BoringSSL engines; not HTTP/3). In an SNI entry: for
		 * that host's certificate; unset: the endpoint's value. Default true.
		 */
		private Boolean ocspStapling;

		public Certificate getCertificate() {
			return this.certificate;
		}

		public Boolean getOcspStapling() {
			return this.ocspStapling;
		}

		public void setOcspStapling(Boolean ocspStapling) {
			this.ocspStapling = ocspStapling;
		}

		public void setCertificate(Certificate certificate) {
			this.certificate = certificate;
		}

	}

	/**
	 * One named endpoint: every setting of an SNI entry, plus its address, the Alt-Svc
	 * switch and the SNI map.
	 */
	public static class Endpoint extends Sni {

		/**
		 * Address: http(s)://host:port or http(s)://unix:/absolute/path.sock. Required.
		 */
		private String url;

		/**
		 * Whether responses leave out the 'Alt-Svc: h3' header on an endpoint that also
		 * serves HTTP/3 (Kestrel's ListenOptions.DisableAltSvcHeader, here also in
		 * configuration). Default false.
		 */
		private Boolean disableAltSvcHeader;

		/**
		 * Host names this endpoint accepts, ';'-separated ('*', '*.example.org', IDN and
		 * IPv6 literals); replaces the top-level AllowedHosts for this endpoint.
		 */
		private String allowedHosts;

		/**
		 * File mode of a Unix socket endpoint's socket file, in octal ("0666" lets a
		 * proxy running as another user connect); unset: the process umask decides.
		 */
		private String unixSocketPermissions;

		public String getAllowedHosts() {
			return this.allowedHosts;
		}

		public void setAllowedHosts(String allowedHosts) {
			this.allowedHosts = allowedHosts;
		}

		public String getUnixSocketPermissions() {
			return this.unixSocketPermissions;
		}

		public void setUnixSocketPermissions(String unixSocketPermissions) {
			this.unixSocketPermissions = unixSocketPermissions;
		}

		/**
		 * TLS engine of this endpoint: Jdk serves it with the JDK's TLS whatever
		 * kestrel.tls.engine chose; unset (or Auto) uses the process-wide engine.
		 */
		private String tlsEngine;

		/**
		 * Whether the endpoint issues session tickets (TLS 1.2 tickets, TLS 1.3 PSK
		 * tickets). Default true.
		 */
		private Boolean sessionTickets;

		/**
		 * Per host-name TLS settings (SNI), keyed by an exact host ('a.example.org'),
		 * '*.suffix' or '*'; each entry may set Protocols, SslProtocols,
		 * ClientCertificateMode and Certificate (Path, KeyPath, Password, Subject, Store,
		 * Location, AllowInvalid, Bundle). Host names need no brackets:
		 * 'Sni.a.example.org.Protocols' works.
		 */
		private Map<String, Sni> sni = new LinkedHashMap<>();

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public Boolean getDisableAltSvcHeader() {
			return this.disableAltSvcHeader;
		}

		public void setDisableAltSvcHeader(Boolean disableAltSvcHeader) {
			this.disableAltSvcHeader = disableAltSvcHeader;
		}

		public String getTlsEngine() {
			return this.tlsEngine;
		}

		public void setTlsEngine(String tlsEngine) {
			this.tlsEngine = tlsEngine;
		}

		public Boolean getSessionTickets() {
			return this.sessionTickets;
		}

		public void setSessionTickets(Boolean sessionTickets) {
			this.sessionTickets = sessionTickets;
		}

		/**
		 * Returns the SNI map as declared in the schema. The starter does not bind it
		 * generically (host names contain dots, which the binder takes for nested keys):
		 * it reads the entries from the property names ({@link SniPropertiesReader}) and
		 * binds each one to {@link Sni}.
		 * @return the SNI map (empty after the reader's binding)
		 */
		public Map<String, Sni> getSni() {
			return this.sni;
		}

		public void setSni(Map<String, Sni> sni) {
			this.sni = sni;
		}

	}

	/**
	 * The limits that apply per request, which an SNI entry may set too. Sizes are in
	 * bytes; timeouts are .NET TimeSpans ('00:02:10') or Spring durations ('130s').
	 */
	public static class RequestLimits {

		/**
		 * Largest request body in bytes (413 when exceeded; empty or 'null': unlimited).
		 * Default 30000000.
		 */
		private String maxRequestBodySize;

		/**
		 * Largest request line in bytes, CRLF included (HTTP/1.1: 414; HTTP/2: :method +
		 * :scheme + :authority + :path). Default 8192.
		 */
		private Integer maxRequestLineSize;

		/**
		 * Largest header section in bytes (HTTP/1.1: header lines with their CRLFs, 431;
		 * HTTP/2: SETTINGS_MAX_HEADER_LIST_SIZE). Default 32768.
		 */
		private Integer maxRequestHeadersTotalSize;

		/** Most header fields of a request (431 when exceeded). Default 100. */
		private Integer maxRequestHeaderCount;

		/**
		 * How long a request line and headers may take from their first byte (408).
		 * Default 00:00:30.
		 */
		private String requestHeadersTimeout;

		/**
		 * How long an idle connection waits for its next request (per endpoint, not per
		 * SNI entry). Default 00:02:10.
		 */
		private String keepAliveTimeout;

		public String getMaxRequestBodySize() {
			return this.maxRequestBodySize;
		}

		public void setMaxRequestBodySize(String maxRequestBodySize) {
			this.maxRequestBodySize = maxRequestBodySize;
		}

		public Integer getMaxRequestLineSize() {
			return this.maxRequestLineSize;
		}

		public void setMaxRequestLineSize(Integer maxRequestLineSize) {
			this.maxRequestLineSize = maxRequestLineSize;
		}

		public Integer getMaxRequestHeadersTotalSize() {
			return this.maxRequestHeadersTotalSize;
		}

		public void setMaxRequestHeadersTotalSize(Integer maxRequestHeadersTotalSize) {
			this.maxRequestHeadersTotalSize = maxRequestHeadersTotalSize;
		}

		public Integer getMaxRequestHeaderCount() {
			return this.maxRequestHeaderCount;
		}

		public void setMaxRequestHeaderCount(Integer maxRequestHeaderCount) {
			this.maxRequestHeaderCount = maxRequestHeaderCount;
		}

		public String getRequestHeadersTimeout() {
			return this.requestHeadersTimeout;
		}

		public void setRequestHeadersTimeout(String requestHeadersTimeout) {
			this.requestHeadersTimeout = requestHeadersTimeout;
		}

		public String getKeepAliveTimeout() {
			return this.keepAliveTimeout;
		}

		public void setKeepAliveTimeout(String keepAliveTimeout) {
			this.keepAliveTimeout = keepAliveTimeout;
		}

	}

	/**
	 * Kestrel's Limits: the request limits and the connection-level ones.
	 */
	public static class Limits extends RequestLimits {

		/**
		 * Most open connections per endpoint; more are closed at once (empty or 'null':
		 * unlimited, the default).
		 */
		private String maxConcurrentConnections;

		/**
		 * Most upgraded (WebSocket) connections (empty or 'null': unlimited, the
		 * default).
		 */
		private String maxConcurrentUpgradedConnections;

		/** Request bytes buffered per connection (default 1048576). */
		private String maxRequestBufferSize;

		/** Response bytes buffered per connection (default 65536). */
		private String maxResponseBufferSize;

		/** Slowest request body (default 240 bytes/s after a 5 s grace period). */
		private DataRate minRequestBodyDataRate;

		/** Slowest response reading (default 240 bytes/s after a 5 s grace period). */
		private DataRate minResponseDataRate;

		/** HTTP/2 limits. */
		private Http2 http2;

		/** HTTP/3 limits. */
		private Http3 http3;

		public String getMaxConcurrentConnections() {
			return this.maxConcurrentConnections;
		}

		public void setMaxConcurrentConnections(String maxConcurrentConnections) {
			this.maxConcurrentConnections = maxConcurrentConnections;
		}

		public String getMaxConcurrentUpgradedConnections() {
			return this.maxConcurrentUpgradedConnections;
		}

		public void setMaxConcurrentUpgradedConnections(String maxConcurrentUpgradedConnections) {
			this.maxConcurrentUpgradedConnections = maxConcurrentUpgradedConnections;
		}

		public String getMaxRequestBufferSize() {
			return this.maxRequestBufferSize;
		}

		public void setMaxRequestBufferSize(String maxRequestBufferSize) {
			this.maxRequestBufferSize = maxRequestBufferSize;
		}

		public String getMaxResponseBufferSize() {
			return this.maxResponseBufferSize;
		}

		public void setMaxResponseBufferSize(String maxResponseBufferSize) {
			this.maxResponseBufferSize = maxResponseBufferSize;
		}

		public DataRate getMinRequestBodyDataRate() {
			return this.minRequestBodyDataRate;
		}

		public void setMinRequestBodyDataRate(DataRate minRequestBodyDataRate) {
			this.minRequestBodyDataRate = minRequestBodyDataRate;
		}

		public DataRate getMinResponseDataRate() {
			return this.minResponseDataRate;
		}

		public void setMinResponseDataRate(DataRate minResponseDataRate) {
			this.minResponseDataRate = minResponseDataRate;
		}

		public Http2 getHttp2() {
			return this.http2;
		}

		public void setHttp2(Http2 http2) {
			this.http2 = http2;
		}

		public Http3 getHttp3() {
			return this.http3;
		}

		public void setHttp3(Http3 http3) {
			this.http3 = http3;
		}

	}

	/**
	 * A minimum data rate (Kestrel's MinDataRate).
	 */
	public static class DataRate {

		/** Minimum bytes per second. */
		private Double bytesPerSecond;

		/** How long the rate may stay below the minimum ('00:00:05', '5s'). */
		private String gracePeriod;

		public Double getBytesPerSecond() {
			return this.bytesPerSecond;
		}

		public void setBytesPerSecond(Double bytesPerSecond) {
			this.bytesPerSecond = bytesPerSecond;
		}

		public String getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(String gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

	}

	/**
	 * Kestrel's Http2Limits.
	 */
	public static class Http2 {

		/**
		 * Most concurrent streams per connection (REFUSED_STREAM beyond). Default 100.
		 */
		private Integer maxStreamsPerConnection;

		/** HPACK dynamic table size. Default 4096. */
		private Integer headerTableSize;

		/** Largest frame payload (FRAME_SIZE_ERROR beyond). Default 16384. */
		private Integer maxFrameSize;

		/** Largest decoded header field. Default 32768. */
		private Integer maxRequestHeaderFieldSize;

		/** Connection receive window. Default 1048576. */
		private Integer initialConnectionWindowSize;

		/** Stream receive window. Default 786432. */
		private Integer initialStreamWindowSize;

		/** Idle time before a PING is sent (default: no pings). */
		private String keepAlivePingDelay;

		/** How long a PING waits for its ACK. Default 00:00:20. */
		private String keepAlivePingTimeout;

		public Integer getMaxStreamsPerConnection() {
			return this.maxStreamsPerConnection;
		}

		public void setMaxStreamsPerConnection(Integer maxStreamsPerConnection) {
			this.maxStreamsPerConnection = maxStreamsPerConnection;
		}

		public Integer getHeaderTableSize() {
			return this.headerTableSize;
		}

		public void setHeaderTableSize(Integer headerTableSize) {
			this.headerTableSize = headerTableSize;
		}

		public Integer getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(Integer maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public Integer getMaxRequestHeaderFieldSize() {
			return this.maxRequestHeaderFieldSize;
		}

		public void setMaxRequestHeaderFieldSize(Integer maxRequestHeaderFieldSize) {
			this.maxRequestHeaderFieldSize = maxRequestHeaderFieldSize;
		}

		public Integer getInitialConnectionWindowSize() {
			return this.initialConnectionWindowSize;
		}

		public void setInitialConnectionWindowSize(Integer initialConnectionWindowSize) {
			this.initialConnectionWindowSize = initialConnectionWindowSize;
		}

		public Integer getInitialStreamWindowSize() {
			return this.initialStreamWindowSize;
		}

		public void setInitialStreamWindowSize(Integer initialStreamWindowSize) {
			this.initialStreamWindowSize = initialStreamWindowSize;
		}

		public String getKeepAlivePingDelay() {
			return this.keepAlivePingDelay;
		}

		public void setKeepAlivePingDelay(String keepAlivePingDelay) {
			this.keepAlivePingDelay = keepAlivePingDelay;
		}

		public String getKeepAlivePingTimeout() {
			return this.keepAlivePingTimeout;
		}

		public void setKeepAlivePingTimeout(String keepAlivePingTimeout) {
			this.keepAlivePingTimeout = keepAlivePingTimeout;
		}

	}

	/**
	 * Kestrel's Http3Limits.
	 */
	public static class Http3 {

		/** Largest decoded header field section. Default 32768. */
		private Integer maxRequestHeaderFieldSize;

		public Integer getMaxRequestHeaderFieldSize() {
			return this.maxRequestHeaderFieldSize;
		}

		public void setMaxRequestHeaderFieldSize(Integer maxRequestHeaderFieldSize) {
			this.maxRequestHeaderFieldSize = maxRequestHeaderFieldSize;
		}

	}

	/**
	 * A certificate: a file (PKCS#12, or PEM with KeyPath), a store entry (Subject) or a
	 * Spring SSL bundle.
	 */
	public static class Certificate {

		/**
		 * Certificate file: PKCS#12 (.pfx/.p12) or PEM/DER certificate (with KeyPath).
		 */
		private String path;

		/** PEM private key file for a PEM certificate. */
		private String keyPath;

		/** Password of the PKCS#12 file or of the encrypted PEM key. */
		private String password;

		/** Subject to look up in a certificate store (case-insensitive substring). */
		private String subject;

		/** Certificate store name (default My). */
		private String store;

		/** Certificate store location: CurrentUser (default) or LocalMachine. */
		private String location;

		/** Whether expired or otherwise invalid store certificates may be used. */
		private Boolean allowInvalid;

		/** Name of a Spring SSL bundle (spring.ssl.bundle.*). */
		private String bundle;

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public String getKeyPath() {
			return this.keyPath;
		}

		public void setKeyPath(String keyPath) {
			this.keyPath = keyPath;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getSubject() {
			return this.subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

		public String getStore() {
			return this.store;
		}

		public void setStore(String store) {
			this.store = store;
		}

		public String getLocation() {
			return this.location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		public Boolean getAllowInvalid() {
			return this.allowInvalid;
		}

		public void setAllowInvalid(Boolean allowInvalid) {
			this.allowInvalid = allowInvalid;
		}

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

}
