package dev.kestrel.options;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.netty.channel.ChannelHandler;

import dev.kestrel.connections.ConnectionMiddleware;
import dev.kestrel.connections.ConnectionStage;
import dev.kestrel.connections.IpNetwork;
import dev.kestrel.connections.ProxyProtocol;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;

import static java.util.Objects.requireNonNull;

// Over 400 lines: Kestrel's ListenOptions API surface (listen kinds, HTTPS overloads, protocols, connection
// middleware, display names).
// Binding never copies or changes it: the binder plans immutable per-endpoint records (PlannedEndpoint).
/**
 * One endpoint: what it listens on, which protocols it speaks and whether it uses TLS.
 * Mirrors Kestrel's {@code ListenOptions}. Instances come from
 * {@link KestrelServerOptions} ({@code listen*}), from configuration
 * ({@code Kestrel.Endpoints}) or from address lists.
 */
public final class ListenOptions {

	private final EndpointKind kind;

	private final InetAddress address;

	private final int port;

	private final String unixSocketPath;

	private final String hostPrefix;

	private final EndpointSource source;

	private String name;

	private boolean https;

	private HttpsConnectionAdapterOptions httpsOptions;

	private TlsHandshakeCallbackOptions tlsHandshakeCallbackOptions;

	private Map<String, SniOptions> sni = Map.of();

	private KestrelServerOptions serverOptions;

	private HttpProtocols protocols = HttpProtocols.HTTP1_AND_HTTP2;

	private boolean protocolsSetExplicitly;

	private boolean disableAltSvcHeader;

	private List<String> allowedHosts;

	private Integer unixSocketPermissions;

	private final List<ConnectionStage> connectionStages = new ArrayList<>();

	private int tlsStage = -1;

	private boolean connectionLogging;

	private ProxyProtocol proxyProtocol = ProxyProtocol.OFF;

	private List<IpNetwork> trustedProxies = List.of();

	private final KestrelServerLimits limits = new KestrelServerLimits(
			() -> (this.serverOptions != null) ? this.serverOptions.getLimits() : null);

	private ListenOptions(EndpointKind kind, InetAddress address, int port, String unixSocketPath, String hostPrefix,
			EndpointSource source) {
		this.kind = kind;
		this.address = address;
		this.port = port;
		this.unixSocketPath = unixSocketPath;
		this.hostPrefix = hostPrefix;
		this.source = source;
	}

	static ListenOptions ip(InetAddress address, int port, EndpointSource source) {
		requireNonNull(address, "address");
		return new ListenOptions(EndpointKind.IP, address, checkPort(port), null, null, source);
	}

	static ListenOptions localhost(int port, String hostPrefix, EndpointSource source) {
		if (checkPort(port) == 0) {
			throw new KestrelConfigurationException(BindingMessages.dynamicPortOnLocalhost());
		}
		return new ListenOptions(EndpointKind.LOCALHOST, null, port, null, hostPrefix, source);
	}

	static ListenOptions anyIp(int port, EndpointSource source) {
		return new ListenOptions(EndpointKind.ANY_IP, null, checkPort(port), null, null, source);
	}

	static ListenOptions unixSocket(String path, EndpointSource source) {
		requireNonNull(path, "path");
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("path: " + path + " (expected: an absolute path)");
		}
		return new ListenOptions(EndpointKind.UNIX_SOCKET, null, 0, path, null, source);
	}

	/**
	 * Creates the options for a parsed address, with Kestrel's mapping: Unix socket,
	 * {@code localhost} (and {@code *.localhost}), an IP literal, or any other host
	 * (every address).
	 * @param address the address
	 * @param source where the address was declared
	 * @return the options, with TLS set from the scheme
	 */
	public static ListenOptions fromAddress(BindingAddress address, EndpointSource source) {
		requireNonNull(address, "address");
		requireNonNull(source, "source");
		ListenOptions options;
		if (address.isUnixSocket()) {
			options = unixSocket(address.unixSocketPath(), source);
		}
		else {
			String host = address.host();
			String lower = host.toLowerCase(Locale.ROOT);
			InetAddress literal = IpLiterals.parse(host);
			if (lower.equals("localhost")) {
				options = localhost(address.port(), null, source);
			}
			else if (lower.endsWith(".localhost") && lower.length() > ".localhost".length()) {
				options = localhost(address.port(), lower.substring(0, lower.length() - ".localhost".length()), source);
			}
			else if (literal != null) {
				options = ip(literal, address.port(), source);
			}
			else {
				options = anyIp(address.port(), source);
			}
		}
		options.https = address.isHttps();
		return options;
	}

	private static int checkPort(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
		}
		return port;
	}

	/**
	 * @return what the endpoint listens on
	 */
	public EndpointKind getKind() {
		return this.kind;
	}

	/**
	 * @return the IP address for {@link EndpointKind#IP}, else {@code null}
	 */
	public InetAddress getAddress() {
		return this.address;
	}

	/**
	 * @return the configured port ({@code 0} = dynamic; {@code 0} for Unix sockets)
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * @return the socket path for {@link EndpointKind#UNIX_SOCKET}, else {@code null}
	 */
	public String getUnixSocketPath() {
		return this.unixSocketPath;
	}

	/**
	 * @return where the endpoint was declared
	 */
	public EndpointSource getSource() {
		return this.source;
	}

	/**
	 * @return the endpoint name: the configuration key, or a name given in code, or
	 * {@code null}
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Names the endpoint. Named endpoints publish their port as
	 * {@code local.kestrel.<name>.port}.
	 * @param name the name
	 * @return these options
	 */
	public ListenOptions name(String name) {
		this.name = requireNonNull(name, "name");
		return this;
	}

	/**
	 * @return the protocols this endpoint serves
	 */
	public HttpProtocols getProtocols() {
		return this.protocols;
	}

	/**
	 * @return whether {@link #protocols(HttpProtocols)} was called (code or
	 * configuration)
	 */
	public boolean isProtocolsSetExplicitly() {
		return this.protocolsSetExplicitly;
	}

	/**
	 * Sets the protocols this endpoint serves.
	 * @param protocols the protocols
	 * @return these options
	 */
	public ListenOptions protocols(HttpProtocols protocols) {
		this.protocols = requireNonNull(protocols, "protocols");
		this.protocolsSetExplicitly = true;
		return this;
	}

	/**
	 * @return whether HTTP/1.1 and HTTP/2 responses leave out the {@code Alt-Svc} header
	 * that advertises HTTP/3
	 */
	public boolean isDisableAltSvcHeader() {
		return this.disableAltSvcHeader;
	}

	/**
	 * Sets whether HTTP/1.1 and HTTP/2 responses of an endpoint that also serves HTTP/3
	 * leave out the {@code Alt-Svc: h3=":<port>"} header (Kestrel's
	 * {@code ListenOptions.DisableAltSvcHeader}; default {@code false}). HTTP/3 is still
	 * served to clients that try it.
	 * @param disableAltSvcHeader whether to leave the header out
	 * @return these options
	 */
	public ListenOptions disableAltSvcHeader(boolean disableAltSvcHeader) {
		this.disableAltSvcHeader = disableAltSvcHeader;
		return this;
	}

	/**
	 * Sets the host names this endpoint accepts, replacing the server-wide
	 * {@code AllowedHosts} for it (beyond ASP.NET Core, which has one list): a request
	 * whose {@code Host} matches none gets 400 before any handler runs. Entries as in
	 * {@code AllowedHosts}: {@code *}, {@code example.org}, {@code *.example.org}, IDN
	 * and IPv6 literals ({@code [::1]}).
	 * @param hosts the host names (at least one)
	 * @return these options
	 */
	public ListenOptions allowedHosts(String... hosts) {
		requireNonNull(hosts, "hosts");
		if (hosts.length == 0) {
			throw new IllegalArgumentException("hosts: [] (expected: at least one host name, or \"*\")");
		}
		for (String host : hosts) {
			requireNonNull(host, "hosts");
		}
		this.allowedHosts = List.of(hosts);
		return this;
	}

	/**
	 * @return the host names set with {@link #allowedHosts(String...)}, or {@code null}
	 * when the server-wide {@code AllowedHosts} applies
	 */
	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	/**
	 * Sets the file mode of this Unix socket endpoint's socket file, applied right after
	 * binding (beyond Kestrel, aspnetcore#17706): {@code "0666"} lets a reverse proxy
	 * running as another user connect without a {@code chmod} step.
	 * @param octalMode the mode in octal, {@code "0000"} to {@code "0777"}
	 * @return these options
	 */
	public ListenOptions unixSocketPermissions(String octalMode) {
		requireNonNull(octalMode, "octalMode");
		if (!octalMode.matches("0?[0-7]{3}")) {
			throw new IllegalArgumentException(
					String.format("octalMode: %s (expected: an octal file mode, 0000-0777, e.g. 0660)", octalMode));
		}
		this.unixSocketPermissions = Integer.parseInt(octalMode, 8);
		return this;
	}

	/**
	 * @return the socket file's mode set with {@link #unixSocketPermissions(String)}, or
	 * {@code null} when the process umask decides
	 */
	public Integer getUnixSocketPermissions() {
		return this.unixSocketPermissions;
	}

	/**
	 * Adds connection middleware (Kestrel's {@code Use}): it runs once per connection, in
	 * registration order (the first registered is outermost). Registered before
	 * {@code useHttps} it runs when the connection is accepted; after, once the TLS
	 * handshake is done (and sees the
	 * {@link dev.kestrel.connections.TlsHandshakeFeature}). For an endpoint from
	 * configuration, TLS is applied after the endpoint defaults and the endpoint's
	 * callback, as in Kestrel: middleware added there runs before TLS unless the callback
	 * calls {@code useHttps} first.
	 * @param middleware the middleware
	 * @return these options
	 */
	public ListenOptions use(ConnectionMiddleware middleware) {
		this.connectionStages.add(new ConnectionStage.Middleware(middleware));
		return this;
	}

	/**
	 * Logs every byte the endpoint's connections read and write, as hex and text, at
	 * debug level on {@code dev.kestrel.connections.ConnectionLogging} (Kestrel's
	 * {@code UseConnectionLogging}). Before {@code useHttps} it logs the encrypted bytes,
	 * after it the HTTP bytes.
	 * @return these options
	 */
	public ListenOptions useConnectionLogging() {
		this.connectionStages.add(new ConnectionStage.Logging(null));
		return this;
	}

	/**
	 * Logs every byte the endpoint's connections read and write on the given logger (see
	 * {@link #useConnectionLogging()}).
	 * @param loggerName the logger
	 * @return these options
	 */
	public ListenOptions useConnectionLogging(String loggerName) {
		requireNonNull(loggerName, "loggerName");
		this.connectionStages.add(new ConnectionStage.Logging(loggerName));
		return this;
	}

	/**
	 * Adds a Netty handler to every connection of the endpoint, as
	 * {@code kestrel.connection.<name>}, at this point of the connection pipeline: before
	 * {@code useHttps} it sits before the TLS handler and sees the raw bytes (after a
	 * PROXY protocol header), after it between the TLS handler and the HTTP codecs. Not
	 * applied to HTTP/3 (QUIC) connections.
	 * @param name the handler's name, unique on the endpoint
	 * @param handler creates a handler per connection (or returns one {@code @Sharable}
	 * handler)
	 * @return these options
	 * @throws IllegalArgumentException when the endpoint already has a handler of that
	 * name
	 */
	public ListenOptions useChannelHandler(String name, Supplier<? extends ChannelHandler> handler) {
		ConnectionStage.Handler stage = new ConnectionStage.Handler(name, handler);
		for (ConnectionStage existing : this.connectionStages) {
			if (existing instanceof ConnectionStage.Handler other && other.name().equals(name)) {
				throw new IllegalArgumentException("name: " + name + " (expected: a name not used on this endpoint)");
			}
		}
		this.connectionStages.add(stage);
		return this;
	}

	/**
	 * @return the connection middleware, handlers and logging, in registration order
	 */
	public List<ConnectionStage> getConnectionStages() {
		return List.copyOf(this.connectionStages);
	}

	/**
	 * @return the stages registered before {@code useHttps} (all of them when the
	 * endpoint has no TLS)
	 */
	public List<ConnectionStage> getConnectionStagesBeforeTls() {
		int end = (this.tlsStage >= 0) ? this.tlsStage : this.connectionStages.size();
		return List.copyOf(this.connectionStages.subList(0, end));
	}

	/**
	 * @return the stages registered after {@code useHttps}
	 */
	public List<ConnectionStage> getConnectionStagesAfterTls() {
		if (this.tlsStage < 0) {
			return List.of();
		}
		return List.copyOf(this.connectionStages.subList(this.tlsStage, this.connectionStages.size()));
	}

	/**
	 * @return whether configuration turned connection logging on
	 * ({@code ConnectionLogging: true})
	 */
	public boolean isConnectionLogging() {
		return this.connectionLogging;
	}

	/**
	 * Logs the decrypted bytes of every connection, innermost (the configuration key
	 * {@code ConnectionLogging}): as if {@link #useConnectionLogging()} were called last,
	 * after {@code useHttps}.
	 * @param connectionLogging whether to log
	 * @return these options
	 */
	public ListenOptions connectionLogging(boolean connectionLogging) {
		this.connectionLogging = connectionLogging;
		return this;
	}

	/**
	 * @return whether the endpoint reads PROXY protocol headers
	 */
	public ProxyProtocol getProxyProtocol() {
		return this.proxyProtocol;
	}

	/**
	 * Sets whether connections start with a PROXY protocol header (versions 1 and 2); the
	 * header's source becomes the request's remote address.
	 * @param proxyProtocol {@code OFF} (the default), {@code ON} or {@code AUTO}
	 * @return these options
	 */
	public ListenOptions proxyProtocol(ProxyProtocol proxyProtocol) {
		this.proxyProtocol = requireNonNull(proxyProtocol, "proxyProtocol");
		return this;
	}

	/**
	 * @return the peers whose PROXY protocol headers are believed; empty: every peer
	 */
	public List<IpNetwork> getTrustedProxies() {
		return this.trustedProxies;
	}

	/**
	 * Sets the peers (addresses or CIDR networks) whose PROXY protocol headers are
	 * believed. A header from any other peer closes the connection ({@code ON}) or is not
	 * read ({@code AUTO}). Unix-socket peers are local processes and always trusted.
	 * @param trustedProxies e.g. {@code 10.0.0.0/8}, {@code 192.0.2.7}; empty trusts
	 * every peer
	 * @return these options
	 * @throws IllegalArgumentException when an entry is not an IP address or CIDR network
	 */
	public ListenOptions trustedProxies(Collection<String> trustedProxies) {
		requireNonNull(trustedProxies, "trustedProxies");
		List<IpNetwork> networks = new ArrayList<>();
		for (String entry : trustedProxies) {
			networks.add(IpNetwork.parse(requireNonNull(entry, "trustedProxies entry")));
		}
		this.trustedProxies = List.copyOf(networks);
		return this;
	}

	/**
	 * Returns this endpoint's limits: each value set here overrides the server's
	 * ({@link KestrelServerOptions#getLimits()}), each value not set is the server's.
	 * @return the endpoint's limits
	 */
	public KestrelServerLimits getLimits() {
		return this.limits;
	}

	/**
	 * @return whether the endpoint uses TLS: an {@code https://} address or a
	 * {@code useHttps} call
	 */
	public boolean isHttps() {
		return this.https || this.httpsOptions != null;
	}

	/**
	 * Returns the endpoint's TLS settings. For an endpoint with an {@code Sni} section
	 * they are the fallback of the SNI entries (and may have no certificate when every
	 * entry has its own); for an endpoint configured with
	 * {@link #useHttps(TlsHandshakeCallbackOptions)} they only carry the handshake
	 * timeout, the rest coming from the callback per connection.
	 * @return the TLS settings, or {@code null} until {@code useHttps} was applied
	 */
	public HttpsConnectionAdapterOptions getHttpsOptions() {
		return this.httpsOptions;
	}

	/**
	 * @return the per-connection TLS callback, or {@code null}
	 */
	public TlsHandshakeCallbackOptions getTlsHandshakeCallbackOptions() {
		return this.tlsHandshakeCallbackOptions;
	}

	/**
	 * Returns the endpoint's {@code Sni} section, keyed by host name as written in
	 * configuration ({@code a.example.org}, {@code *.example.org}, {@code *}), in
	 * configuration order.
	 * @return the SNI entries (empty: no SNI section)
	 */
	public Map<String, SniOptions> getSni() {
		return this.sni;
	}

	void sni(Map<String, SniOptions> sni) {
		this.sni = Collections.unmodifiableMap(new LinkedHashMap<>(sni));
	}

	void serverOptions(KestrelServerOptions serverOptions) {
		this.serverOptions = serverOptions;
	}

	/**
	 * Enables HTTPS with the defaults and the default certificate
	 * ({@code Certificates.Default}, else the development certificate).
	 * @return these options
	 * @throws dev.kestrel.diagnostics.KestrelConfigurationException when no certificate
	 * is available
	 */
	public ListenOptions useHttps() {
		return useHttps((options) -> {
		});
	}

	/**
	 * Enables HTTPS with a PKCS#12 file (relative to the working directory, or absolute)
	 * without a password.
	 * @param fileName the file
	 * @return these options
	 */
	public ListenOptions useHttps(String fileName) {
		return useHttps(fileName, null);
	}

	/**
	 * Enables HTTPS with a PKCS#12 file and its password.
	 * @param fileName the file
	 * @param password the password, or {@code null}
	 * @return these options
	 */
	public ListenOptions useHttps(String fileName, String password) {
		return useHttps(fileName, password, (options) -> {
		});
	}

	/**
	 * Enables HTTPS with a PKCS#12 file and its password, then configures the TLS
	 * settings.
	 * @param fileName the file
	 * @param password the password, or {@code null}
	 * @param configure configures the TLS settings
	 * @return these options
	 */
	public ListenOptions useHttps(String fileName, String password, Consumer<HttpsConnectionAdapterOptions> configure) {
		requireNonNull(fileName, "fileName");
		requireNonNull(configure, "configure");
		ServerCertificate certificate = certificateProvider().loadFile(fileName, password);
		return useHttps((options) -> {
			options.serverCertificate(certificate);
			configure.accept(options);
		});
	}

	/**
	 * Enables HTTPS with a certificate from the {@code CurrentUser} store matching a
	 * subject (valid certificates only).
	 * @param storeName the store
	 * @param subject the subject (case-insensitive substring)
	 * @return these options
	 */
	public ListenOptions useHttps(StoreName storeName, String subject) {
		return useHttps(storeName, subject, false);
	}

	/**
	 * Enables HTTPS with a certificate from the {@code CurrentUser} store.
	 * @param storeName the store
	 * @param subject the subject (case-insensitive substring)
	 * @param allowInvalid whether expired or otherwise invalid certificates may be used
	 * @return these options
	 */
	public ListenOptions useHttps(StoreName storeName, String subject, boolean allowInvalid) {
		return useHttps(storeName, subject, allowInvalid, StoreLocation.CURRENT_USER);
	}

	/**
	 * Enables HTTPS with a certificate from a store.
	 * @param storeName the store
	 * @param subject the subject (case-insensitive substring)
	 * @param allowInvalid whether expired or otherwise invalid certificates may be used
	 * @param location the store location
	 * @return these options
	 */
	public ListenOptions useHttps(StoreName storeName, String subject, boolean allowInvalid, StoreLocation location) {
		return useHttps(storeName, subject, allowInvalid, location, (options) -> {
		});
	}

	/**
	 * Enables HTTPS with a certificate from a store, then configures the TLS settings.
	 * @param storeName the store
	 * @param subject the subject (case-insensitive substring)
	 * @param allowInvalid whether expired or otherwise invalid certificates may be used
	 * @param location the store location
	 * @param configure configures the TLS settings
	 * @return these options
	 */
	public ListenOptions useHttps(StoreName storeName, String subject, boolean allowInvalid, StoreLocation location,
			Consumer<HttpsConnectionAdapterOptions> configure) {
		requireNonNull(storeName, "storeName");
		requireNonNull(subject, "subject");
		requireNonNull(location, "location");
		requireNonNull(configure, "configure");
		ServerCertificate certificate = certificateProvider().loadFromStore(storeName.storeName(), subject,
				allowInvalid, location);
		return useHttps((options) -> {
			options.serverCertificate(certificate);
			configure.accept(options);
		});
	}

	/**
	 * Enables HTTPS with a certificate and its private key.
	 * @param certificate the certificate
	 * @return these options
	 */
	public ListenOptions useHttps(ServerCertificate certificate) {
		return useHttps(certificate, (options) -> {
		});
	}

	/**
	 * Enables HTTPS with a certificate and its private key, then configures the TLS
	 * settings.
	 * @param certificate the certificate
	 * @param configure configures the TLS settings
	 * @return these options
	 */
	public ListenOptions useHttps(ServerCertificate certificate, Consumer<HttpsConnectionAdapterOptions> configure) {
		requireNonNull(certificate, "certificate");
		requireNonNull(configure, "configure");
		return useHttps((options) -> {
			options.serverCertificate(certificate);
			configure.accept(options);
		});
	}

	/**
	 * Enables HTTPS: the HTTPS defaults apply ({@code EndpointDefaults},
	 * {@code configureHttpsDefaults}), then {@code configure}, then the default
	 * certificate if none was set.
	 * @param configure configures the TLS settings
	 * @return these options
	 * @throws dev.kestrel.diagnostics.KestrelConfigurationException when no certificate
	 * is available
	 */
	public ListenOptions useHttps(Consumer<HttpsConnectionAdapterOptions> configure) {
		requireNonNull(configure, "configure");
		HttpsConnectionAdapterOptions options = new HttpsConnectionAdapterOptions();
		if (this.serverOptions != null) {
			this.serverOptions.applyHttpsDefaults(options);
		}
		configure.accept(options);
		applyDefaultCertificate(options);
		return useHttps(options);
	}

	/**
	 * Enables HTTPS with exactly these settings: no defaults and no default certificate
	 * apply.
	 * @param options the TLS settings, with a server certificate or a certificate
	 * selector
	 * @return these options
	 */
	public ListenOptions useHttps(HttpsConnectionAdapterOptions options) {
		requireNonNull(options, "options");
		if (!options.hasServerCertificateOrSelector()) {
			throw new KestrelConfigurationException(this.name, null, CertificateMessages.noCertificateSpecified(),
					null);
		}
		return httpsOptions(options);
	}

	/**
	 * Enables HTTPS with a TLS configuration chosen per connection by a callback that
	 * receives the client hello (host name) and returns the certificate, TLS versions,
	 * client-certificate settings and ALPN protocols of that connection. None of the
	 * HTTPS defaults apply (see {@link TlsHandshakeCallbackOptions}).
	 * @param callbackOptions the callback and the handshake timeout
	 * @return these options
	 */
	public ListenOptions useHttps(TlsHandshakeCallbackOptions callbackOptions) {
		requireNonNull(callbackOptions, "callbackOptions");
		if (callbackOptions.getOnConnection() == null) {
			throw new IllegalArgumentException("callbackOptions: no onConnection callback (expected: one)");
		}
		this.tlsHandshakeCallbackOptions = callbackOptions;
		return httpsOptions(
				new HttpsConnectionAdapterOptions().handshakeTimeout(callbackOptions.getHandshakeTimeout()));
	}

	ListenOptions httpsOptions(HttpsConnectionAdapterOptions options) {
		this.httpsOptions = options;
		this.tlsStage = this.connectionStages.size();
		return this;
	}

	void applyDefaultCertificate(HttpsConnectionAdapterOptions options) {
		if (!options.hasServerCertificateOrSelector() && this.serverOptions != null) {
			this.serverOptions.defaultCertificate().ifPresent(options::serverCertificate);
		}
	}

	private CertificateProvider certificateProvider() {
		if (this.serverOptions == null || this.serverOptions.getCertificateProvider() == null) {
			throw new IllegalStateException("No CertificateProvider: create endpoints through KestrelServerOptions "
					+ "in a KestrelServerOptionsCustomizer bean");
		}
		return this.serverOptions.getCertificateProvider();
	}

	/**
	 * @return whether the endpoint listens on TCP (everything but Unix sockets)
	 */
	public boolean isTcp() {
		return this.kind != EndpointKind.UNIX_SOCKET;
	}

	/**
	 * @return the scheme: {@code https} with TLS, else {@code http}
	 */
	public String getScheme() {
		return isHttps() ? "https" : "http";
	}

	/**
	 * Returns the display name with the given port, as Kestrel prints it:
	 * {@code http://127.0.0.1:5000}, {@code http://[::1]:5000},
	 * {@code http://localhost:5000}, {@code http://[::]:80},
	 * {@code http://unix:/run/app.sock}.
	 * @param boundPort the port actually bound (for port 0)
	 * @return the display name
	 */
	public String getDisplayName(int boundPort) {
		return switch (this.kind) {
			case UNIX_SOCKET -> getScheme() + "://unix:" + this.unixSocketPath;
			case LOCALHOST -> getScheme() + "://" + ((this.hostPrefix != null) ? this.hostPrefix + "." : "")
					+ "localhost:" + boundPort;
			case ANY_IP -> getScheme() + "://[::]:" + boundPort;
			case IP -> displayName(getScheme(), this.address, boundPort);
		};
	}

	/**
	 * @return the display name with the configured port
	 */
	public String getDisplayName() {
		return getDisplayName(this.port);
	}

	/**
	 * Returns the display name of an IP address and port, as Kestrel prints it:
	 * {@code http://127.0.0.1:5000}, {@code http://[::1]:5000}.
	 * @param scheme {@code http} or {@code https}
	 * @param address the address
	 * @param port the port
	 * @return the display name
	 */
	public static String displayName(String scheme, InetAddress address, int port) {
		return scheme + "://" + formatHost(address) + ":" + port;
	}

	static String formatHost(InetAddress address) {
		String host = address.getHostAddress();
		if (address instanceof Inet6Address) {
			if (address.isAnyLocalAddress()) {
				return "[::]";
			}
			if (address.isLoopbackAddress()) {
				return "[::1]";
			}
			return "[" + compress(host) + "]";
		}
		return host;
	}

	/**
	 * Compresses an IPv6 address as RFC 5952 (and Kestrel) print it: leading zeros
	 * dropped, the longest run of two or more zero groups replaced by {@code ::}.
	 */
	private static String compress(String host) {
		int scope = host.indexOf('%');
		String address = (scope >= 0) ? host.substring(0, scope) : host;
		String[] groups = address.split(":");
		int bestStart = -1;
		int bestLength = 0;
		for (int i = 0; i < groups.length; i++) {
			groups[i] = groups[i].replaceFirst("^0+(?=.)", "");
			int length = 0;
			while (i + length < groups.length && groups[i + length].replaceFirst("^0+(?=.)", "").equals("0")) {
				length++;
			}
			if (length > bestLength && length >= 2) {
				bestStart = i;
				bestLength = length;
			}
		}
		StringBuilder result = new StringBuilder();
		for (int i = 0; i < groups.length; i++) {
			if (i == bestStart) {
				result.append((i == 0) ? "::" : ":");
				i += bestLength - 1;
				continue;
			}
			result.append(groups[i]);
			if (i < groups.length - 1) {
				result.append(':');
			}
		}
		return result + ((scope >= 0) ? host.substring(scope) : "");
	}

	@Override
	public String toString() {
		return ((this.name != null) ? this.name + " " : "") + getDisplayName() + " (" + this.protocols + ")";
	}

}
