package dev.kestrel.internal.server.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.internal.sni.TlsSettings;

/**
 * Builds Netty {@link SslContext}s from {@link TlsSettings}: certificate and chain, TLS
 * versions and cipher suites ({@link TlsPolicy}), client-certificate mode and validation,
 * and ALPN from the HTTP protocols ({@code h2} first, then {@code http/1.1}, as Kestrel
 * offers them).
 */
public final class SslContexts {

	private static final Log logger = LogFactory.getLog(SslContexts.class);

	private static volatile SslContext placeholder;

	private SslContexts() {
	}

	/**
	 * Builds the context of an endpoint's static TLS settings, logging a warning for
	 * obsolete TLS versions.
	 * @param endpointName the endpoint, for warnings
	 * @param options the TLS settings, with a certificate
	 * @param protocols the HTTP protocols, for ALPN
	 * @return the context
	 */
	public static SslContext create(String endpointName, HttpsConnectionAdapterOptions options,
			HttpProtocols protocols) {
		warnObsoleteVersions(endpointName, options.getSslProtocols());
		TlsSettings settings = TlsSettings.of(options.getServerCertificate(), options.getServerCertificateChain(),
				options, protocols);
		X509TrustManager trust = settings.clientCertificateMode().requestsCertificate()
				? new ClientCertificateTrustManager(settings.clientCertificateValidation(),
						settings.clientCertificateAuthorities(), settings.checkCertificateRevocation())
				: null;
		return create(endpointName, settings, trust);
	}

	/**
	 * Builds a context.
	 * @param endpointName the endpoint, for errors
	 * @param settings the settings
	 * @param clientTrust validates client certificates; required when the settings
	 * request one
	 * @return the context
	 * @throws IllegalStateException when the engine refuses the settings
	 */
	public static SslContext create(String endpointName, TlsSettings settings, X509TrustManager clientTrust) {
		return create(endpointName, settings, clientTrust, false);
	}

	/**
	 * Builds a context, with OCSP stapling enabled or not.
	 * @param endpointName the endpoint, for errors
	 * @param settings the settings
	 * @param clientTrust validates client certificates; required when the settings
	 * request one
	 * @param ocsp whether connections may staple an OCSP response (OpenSSL and BoringSSL
	 * engines, when {@code OpenSsl.isOcspSupported()})
	 * @return the context
	 * @throws IllegalStateException when the engine refuses the settings
	 */
	static SslContext create(String endpointName, TlsSettings settings, X509TrustManager clientTrust, boolean ocsp) {
		List<X509Certificate> chain = new ArrayList<>(settings.chain().size() + 1);
		chain.add(settings.certificate().certificate());
		chain.addAll(settings.chain());
		SslProvider provider = TlsEngines.provider(settings.tlsEngine());
		SslContextBuilder builder = SslContextBuilder.forServer(settings.certificate().privateKey(), chain)
			.sslProvider(provider)
			.applicationProtocolConfig(alpn(settings.protocols()))
			.protocols(TlsPolicy.protocols(settings.sslProtocols()))
			.ciphers(TlsPolicy.cipherSuites(settings.sslProtocols()));
		if (provider == SslProvider.JDK) {
			JdkTlsDefaults.rejectClientRenegotiation();
		}
		else {
			builder.option(OpenSslContextOption.GROUPS, TlsPolicy.GROUPS.toArray(new String[0]));
			builder.enableOcsp(ocsp);
		}
		if (settings.clientCertificateMode().requestsCertificate()) {
			builder.clientAuth(switch (settings.clientCertificateMode()) {
				case REQUIRE_CERTIFICATE -> ClientAuth.REQUIRE;
				default -> ClientAuth.OPTIONAL;
			});
			builder.trustManager(clientTrust);
		}
		try {
			return builder.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cannot build the TLS context of endpoint " + endpointName, ex);
		}
	}

	/**
	 * Logs a warning for each obsolete TLS version (TLS 1.0, 1.1) among the given ones.
	 * @param endpointName the endpoint
	 * @param sslProtocols the TLS versions
	 */
	public static void warnObsoleteVersions(String endpointName, Collection<SslProtocols> sslProtocols) {
		sslProtocols.stream()
			.filter((protocol) -> protocol == SslProtocols.TLS || protocol == SslProtocols.TLS11)
			.sorted()
			.forEach((protocol) -> logger
				.warn(CertificateMessages.obsoleteTlsVersion(endpointName, protocol.kestrelName())));
	}

	/**
	 * Returns a context that has no certificate, for Reactor Netty's {@code secure(...)},
	 * which needs one even when every handshake gets its context per connection. A
	 * handshake with it fails.
	 * @return the placeholder context
	 */
	static SslContext placeholder() {
		SslContext context = placeholder;
		if (context == null) {
			try {
				context = SslContextBuilder.forServer(new NoKeys()).sslProvider(SslProvider.JDK).build();
			}
			catch (SSLException ex) {
				throw new IllegalStateException(ex);
			}
			placeholder = context;
		}
		return context;
	}

	/**
	 * @return a key manager without keys (for a context whose certificate is chosen per
	 * connection)
	 */
	static X509ExtendedKeyManager noKeys() {
		return new NoKeys();
	}

	private static ApplicationProtocolConfig alpn(HttpProtocols protocols) {
		List<String> names = new ArrayList<>();
		if (protocols.http2()) {
			names.add(ApplicationProtocolNames.HTTP_2);
		}
		if (protocols.http1()) {
			names.add(ApplicationProtocolNames.HTTP_1_1);
		}
		return new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
				ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
				ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, names);
	}

	/**
	 * A key manager without keys.
	 */
	private static final class NoKeys extends X509ExtendedKeyManager {

		@Override
		public String[] getClientAliases(String keyType, Principal[] issuers) {
			return null;
		}

		@Override
		public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
			return null;
		}

		@Override
		public String[] getServerAliases(String keyType, Principal[] issuers) {
			return null;
		}

		@Override
		public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
			return null;
		}

		@Override
		public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
			return null;
		}

		@Override
		public X509Certificate[] getCertificateChain(String alias) {
			return null;
		}

		@Override
		public PrivateKey getPrivateKey(String alias) {
			return null;
		}

	}

}
