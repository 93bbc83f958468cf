package dev.kestrel.internal.sni;

import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.kestrel.options.ClientCertificateMode;
import dev.kestrel.options.ClientCertificateValidator;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.options.TlsEngine;
import dev.kestrel.certificates.ServerCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Everything a TLS context is built from: the certificate and the chain sent with it, the
 * TLS versions, the client-certificate mode and validation, and the HTTP protocols
 * offered with ALPN. A value: connections whose settings are equal share one TLS context.
 * Settings that do not matter for the mode (client validation without a client
 * certificate) are left out, so that they do not split contexts. {@link #toString()}
 * never shows the key.
 */
public final class TlsSettings {

	private final ServerCertificate certificate;

	private final List<X509Certificate> chain;

	private final Set<SslProtocols> sslProtocols;

	private final ClientCertificateMode clientCertificateMode;

	private final ClientCertificateValidator clientCertificateValidation;

	private final List<X509Certificate> clientCertificateAuthorities;

	private final boolean checkCertificateRevocation;

	private final HttpProtocols protocols;

	private final TlsEngine tlsEngine;

	private final boolean sessionTickets;

	private final boolean ocspStapling;

	private final int hash;

	private TlsSettings(ServerCertificate certificate, List<X509Certificate> chain, Set<SslProtocols> sslProtocols,
			ClientCertificateMode clientCertificateMode, ClientCertificateValidator clientCertificateValidation,
			List<X509Certificate> clientCertificateAuthorities, boolean checkCertificateRevocation,
			HttpProtocols protocols, TlsEngine tlsEngine, boolean sessionTickets, boolean ocspStapling) {
		this.certificate = certificate;
		this.chain = chain;
		this.sslProtocols = sslProtocols;
		this.clientCertificateMode = clientCertificateMode;
		boolean requests = clientCertificateMode.requestsCertificate();
		this.clientCertificateValidation = requests ? clientCertificateValidation : null;
		this.clientCertificateAuthorities = requests ? clientCertificateAuthorities : List.of();
		this.checkCertificateRevocation = requests && checkCertificateRevocation;
		this.protocols = protocols;
		this.tlsEngine = tlsEngine;
		this.sessionTickets = sessionTickets;
		this.ocspStapling = ocspStapling;
		this.hash = Objects.hash(certificate, chain, sslProtocols, clientCertificateMode,
				this.clientCertificateValidation, this.clientCertificateAuthorities, this.checkCertificateRevocation,
				protocols, tlsEngine, sessionTickets, ocspStapling);
	}

	/**
	 * Creates the settings of a connection.
	 * @param certificate the server certificate
	 * @param chain the intermediates sent after it
	 * @param options the TLS versions, client-certificate mode and validation
	 * @param sslProtocols the TLS versions (empty: the platform default), overriding the
	 * options'
	 * @param clientCertificateMode the client-certificate mode, overriding the options'
	 * @param protocols the HTTP protocols offered with ALPN
	 * @return the settings
	 */
	public static TlsSettings of(ServerCertificate certificate, List<X509Certificate> chain,
			HttpsConnectionAdapterOptions options, Set<SslProtocols> sslProtocols,
			ClientCertificateMode clientCertificateMode, HttpProtocols protocols) {
		requireNonNull(certificate, "certificate");
		requireNonNull(chain, "chain");
		requireNonNull(options, "options");
		requireNonNull(sslProtocols, "sslProtocols");
		requireNonNull(clientCertificateMode, "clientCertificateMode");
		requireNonNull(protocols, "protocols");
		return new TlsSettings(certificate, List.copyOf(chain),
				sslProtocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sslProtocols)), clientCertificateMode,
				options.getClientCertificateValidation(), options.getClientCertificateAuthorities(),
				options.isCheckCertificateRevocation(), protocols, options.getTlsEngine(), options.isSessionTickets(),
				options.isOcspStapling());
	}

	/**
	 * Creates the settings of a connection from its TLS options.
	 * @param certificate the server certificate
	 * @param chain the intermediates sent after it
	 * @param options the TLS versions, client-certificate mode and validation
	 * @param protocols the HTTP protocols offered with ALPN
	 * @return the settings
	 */
	public static TlsSettings of(ServerCertificate certificate, List<X509Certificate> chain,
			HttpsConnectionAdapterOptions options, HttpProtocols protocols) {
		requireNonNull(options, "options");
		return of(certificate, chain, options, options.getSslProtocols(), options.getClientCertificateMode(),
				protocols);
	}

	/**
	 * @param ocspStapling whether connections staple OCSP responses
	 * @return these settings with that value (an SNI entry's {@code OcspStapling})
	 */
	public TlsSettings withOcspStapling(boolean ocspStapling) {
		return (ocspStapling == this.ocspStapling) ? this
				: new TlsSettings(this.certificate, this.chain, this.sslProtocols, this.clientCertificateMode,
						this.clientCertificateValidation, this.clientCertificateAuthorities,
						this.checkCertificateRevocation, this.protocols, this.tlsEngine, this.sessionTickets,
						ocspStapling);
	}

	/**
	 * @return the server certificate
	 */
	public ServerCertificate certificate() {
		return this.certificate;
	}

	/**
	 * @return the intermediates sent after the certificate
	 */
	public List<X509Certificate> chain() {
		return this.chain;
	}

	/**
	 * @return the TLS versions (empty: the platform default)
	 */
	public Set<SslProtocols> sslProtocols() {
		return this.sslProtocols;
	}

	/**
	 * @return the client-certificate mode
	 */
	public ClientCertificateMode clientCertificateMode() {
		return this.clientCertificateMode;
	}

	/**
	 * @return the client-certificate validator, or {@code null}
	 */
	public ClientCertificateValidator clientCertificateValidation() {
		return this.clientCertificateValidation;
	}

	/**
	 * @return the extra authorities trusted for client certificates
	 */
	public List<X509Certificate> clientCertificateAuthorities() {
		return this.clientCertificateAuthorities;
	}

	/**
	 * @return whether client certificates are checked for revocation
	 */
	public boolean checkCertificateRevocation() {
		return this.checkCertificateRevocation;
	}

	/**
	 * @return the HTTP protocols offered with ALPN
	 */
	public HttpProtocols protocols() {
		return this.protocols;
	}

	/**
	 * @return the endpoint's TLS engine ({@link TlsEngine#AUTO}: the process's)
	 */
	public TlsEngine tlsEngine() {
		return this.tlsEngine;
	}

	/**
	 * @return whether session tickets are issued
	 */
	public boolean sessionTickets() {
		return this.sessionTickets;
	}

	/**
	 * @return whether OCSP responses are stapled
	 */
	public boolean ocspStapling() {
		return this.ocspStapling;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof TlsSettings that) || this.hash != that.hash) {
			return false;
		}
		return this.certificate.equals(that.certificate) && this.chain.equals(that.chain)
				&& this.sslProtocols.equals(that.sslProtocols)
				&& this.clientCertificateMode == that.clientCertificateMode
				&& Objects.equals(this.clientCertificateValidation, that.clientCertificateValidation)
				&& this.clientCertificateAuthorities.equals(that.clientCertificateAuthorities)
				&& this.checkCertificateRevocation == that.checkCertificateRevocation
				&& this.protocols == that.protocols && this.tlsEngine == that.tlsEngine
				&& this.sessionTickets == that.sessionTickets && this.ocspStapling == that.ocspStapling;
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return "TlsSettings[certificate=" + this.certificate + ", sslProtocols=" + this.sslProtocols
				+ ", clientCertificateMode=" + this.clientCertificateMode + ", protocols=" + this.protocols + "]";
	}

}
