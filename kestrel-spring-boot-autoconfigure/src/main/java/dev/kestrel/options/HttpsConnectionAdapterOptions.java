package dev.kestrel.options;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import javax.net.ssl.SSLEngine;

import dev.kestrel.certificates.ServerCertificate;

import static java.util.Objects.requireNonNull;

/**
 * The TLS settings of one HTTPS endpoint, mirroring Kestrel's
 * {@code HttpsConnectionAdapterOptions}. Defaults: the platform's TLS versions (1.2 and
 * 1.3), no client certificate, a 10-second handshake timeout. The certificate is either
 * fixed ({@link #serverCertificate(ServerCertificate)}) or chosen per connection
 * ({@link #serverCertificateSelector(ServerCertificateSelector)}, which takes
 * precedence).
 */
public final class HttpsConnectionAdapterOptions {

	/** The default handshake timeout. */
	public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

	private ServerCertificate serverCertificate;

	private ServerCertificateSelector serverCertificateSelector;

	private List<X509Certificate> serverCertificateChain;

	private Set<SslProtocols> sslProtocols = EnumSet.noneOf(SslProtocols.class);

	private ClientCertificateMode clientCertificateMode = ClientCertificateMode.NO_CERTIFICATE;

	private ClientCertificateValidator clientCertificateValidation;

	private final List<X509Certificate> clientCertificateAuthorities = new ArrayList<>();

	private boolean checkCertificateRevocation;

	private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

	private BiConsumer<TlsConnectionContext, SSLEngine> onAuthenticate;

	private TlsEngine tlsEngine = TlsEngine.AUTO;

	private boolean sessionTickets = true;

	private boolean ocspStapling = true;

	/**
	 * @return the server certificate with its private key, or {@code null}
	 */
	public ServerCertificate getServerCertificate() {
		return this.serverCertificate;
	}

	/**
	 * Sets the server certificate with its private key (and the intermediates it was
	 * loaded with).
	 * @param serverCertificate the certificate
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions serverCertificate(ServerCertificate serverCertificate) {
		this.serverCertificate = requireNonNull(serverCertificate, "serverCertificate");
		return this;
	}

	/**
	 * @return the per-connection certificate selector, or {@code null}
	 */
	public ServerCertificateSelector getServerCertificateSelector() {
		return this.serverCertificateSelector;
	}

	/**
	 * Chooses the certificate of each connection from the host name the client asked for
	 * (Kestrel's {@code ServerCertificateSelector}). It is called once per TLS handshake,
	 * with a {@code null} name when the client sent no SNI; a {@code null} result fails
	 * that handshake; its certificate must allow server authentication, which is checked
	 * per handshake. A selector takes precedence over
	 * {@link #serverCertificate(ServerCertificate)}, and the intermediates sent are the
	 * ones of the certificate it returns ({@link #serverCertificateChain(List)} does not
	 * apply). TLS contexts are built once per distinct certificate and reused.
	 * @param selector the selector
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions serverCertificateSelector(ServerCertificateSelector selector) {
		this.serverCertificateSelector = requireNonNull(selector, "selector");
		return this;
	}

	/**
	 * Returns the intermediates sent after the leaf: the ones set with
	 * {@link #serverCertificateChain(List)}, else the ones the certificate was loaded
	 * with.
	 * @return the intermediates
	 */
	public List<X509Certificate> getServerCertificateChain() {
		if (this.serverCertificateChain != null) {
			return this.serverCertificateChain;
		}
		return (this.serverCertificate != null) ? this.serverCertificate.intermediates() : List.of();
	}

	/**
	 * Sets the intermediate certificates sent in the handshake after the leaf, replacing
	 * the loaded ones.
	 * @param chain the intermediates
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions serverCertificateChain(List<X509Certificate> chain) {
		this.serverCertificateChain = List.copyOf(requireNonNull(chain, "chain"));
		return this;
	}

	/**
	 * @return the TLS versions (empty: the platform default)
	 */
	public Set<SslProtocols> getSslProtocols() {
		return this.sslProtocols.isEmpty() ? EnumSet.noneOf(SslProtocols.class) : EnumSet.copyOf(this.sslProtocols);
	}

	/**
	 * Sets the TLS versions; none means the platform default (TLS 1.2 and 1.3).
	 * @param sslProtocols the versions
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions sslProtocols(SslProtocols... sslProtocols) {
		return sslProtocols(List.of(requireNonNull(sslProtocols, "sslProtocols")));
	}

	/**
	 * Sets the TLS versions; an empty collection means the platform default.
	 * @param sslProtocols the versions
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions sslProtocols(Collection<SslProtocols> sslProtocols) {
		requireNonNull(sslProtocols, "sslProtocols");
		this.sslProtocols = sslProtocols.isEmpty() ? EnumSet.noneOf(SslProtocols.class) : EnumSet.copyOf(sslProtocols);
		return this;
	}

	/**
	 * @return the client-certificate mode
	 */
	public ClientCertificateMode getClientCertificateMode() {
		return this.clientCertificateMode;
	}

	/**
	 * Sets whether clients are asked for a certificate.
	 * @param mode the mode
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions clientCertificateMode(ClientCertificateMode mode) {
		this.clientCertificateMode = requireNonNull(mode, "mode");
		return this;
	}

	/**
	 * @return the client-certificate validator, or {@code null} (reject any certificate
	 * with errors)
	 */
	public ClientCertificateValidator getClientCertificateValidation() {
		return this.clientCertificateValidation;
	}

	/**
	 * Sets the callback that decides whether a client certificate is accepted.
	 * @param validation the validator
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions clientCertificateValidation(ClientCertificateValidator validation) {
		this.clientCertificateValidation = requireNonNull(validation, "validation");
		return this;
	}

	/**
	 * Accepts any client certificate, whatever its chain (Kestrel's
	 * {@code AllowAnyClientCertificate()}); the application then decides from the
	 * certificate it receives.
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions allowAnyClientCertificate() {
		return clientCertificateValidation((certificate, chain, errors) -> true);
	}

	/**
	 * @return the authorities trusted for client certificates, in addition to the JDK's
	 * trust store
	 */
	public List<X509Certificate> getClientCertificateAuthorities() {
		return List.copyOf(this.clientCertificateAuthorities);
	}

	/**
	 * Trusts these authorities for client certificates, in addition to the JDK's trust
	 * store. (Kestrel relies on the operating system's store; a Java application usually
	 * brings its own CA.)
	 * @param authorities the CA certificates
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions clientCertificateAuthorities(X509Certificate... authorities) {
		requireNonNull(authorities, "authorities");
		for (X509Certificate authority : authorities) {
			this.clientCertificateAuthorities.add(requireNonNull(authority, "authority"));
		}
		return this;
	}

	/**
	 * @return whether client certificates are checked for revocation
	 */
	public boolean isCheckCertificateRevocation() {
		return this.checkCertificateRevocation;
	}

	/**
	 * Checks client certificates for revocation (CRL distribution points and OCSP,
	 * online); a certificate whose status cannot be determined counts as an error.
	 * @param check whether to check
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions checkCertificateRevocation(boolean check) {
		this.checkCertificateRevocation = check;
		return this;
	}

	/**
	 * @return the handshake timeout
	 */
	public Duration getHandshakeTimeout() {
		return this.handshakeTimeout;
	}

	/**
	 * Sets how long a TLS handshake may take.
	 * @param timeout a positive duration
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions handshakeTimeout(Duration timeout) {
		requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
		}
		this.handshakeTimeout = timeout;
		return this;
	}

	/**
	 * @return the per-connection callback, or {@code null}
	 */
	public BiConsumer<TlsConnectionContext, SSLEngine> getOnAuthenticate() {
		return this.onAuthenticate;
	}

	/**
	 * Runs for every connection after all other settings were applied, with the
	 * connection's {@link SSLEngine}, for example to restrict cipher suites
	 * ({@code engine.setEnabledCipherSuites(...)}).
	 * @param onAuthenticate the callback
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions onAuthenticate(BiConsumer<TlsConnectionContext, SSLEngine> onAuthenticate) {
		this.onAuthenticate = requireNonNull(onAuthenticate, "onAuthenticate");
		return this;
	}

	/**
	 * @return whether a server certificate is set
	 */
	public boolean hasServerCertificate() {
		return this.serverCertificate != null;
	}

	/**
	 * @return whether a server certificate or a certificate selector is set
	 */
	public boolean hasServerCertificateOrSelector() {
		return this.serverCertificate != null || this.serverCertificateSelector != null;
	}

	/**
	 * @return the endpoint's TLS engine: {@link TlsEngine#AUTO} (the process-wide
	 * {@code kestrel.tls.engine}, the default) or an explicit one
	 */
	public TlsEngine getTlsEngine() {
		return this.tlsEngine;
	}

	/**
	 * Sets the endpoint's TLS engine. {@link TlsEngine#JDK} serves it with the JDK's TLS
	 * whatever the process runs; a native engine must be the one the process loaded.
	 * @param tlsEngine the engine
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions tlsEngine(TlsEngine tlsEngine) {
		this.tlsEngine = requireNonNull(tlsEngine, "tlsEngine");
		return this;
	}

	/**
	 * @return whether the endpoint issues session tickets (TLS 1.2 tickets and TLS 1.3
	 * PSK tickets); default {@code true}
	 */
	public boolean isSessionTickets() {
		return this.sessionTickets;
	}

	/**
	 * Sets whether the endpoint issues session tickets (default {@code true}).
	 * @param sessionTickets whether to issue tickets
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions sessionTickets(boolean sessionTickets) {
		this.sessionTickets = sessionTickets;
		return this;
	}

	/**
	 * @return whether the endpoint staples OCSP responses; default {@code true}
	 */
	public boolean isOcspStapling() {
		return this.ocspStapling;
	}

	/**
	 * Sets whether the endpoint staples OCSP responses of its certificates that name an
	 * OCSP responder (default {@code true}; native engines only).
	 * @param ocspStapling whether to staple
	 * @return these options
	 */
	public HttpsConnectionAdapterOptions ocspStapling(boolean ocspStapling) {
		this.ocspStapling = ocspStapling;
		return this;
	}

}
