package dev.kestrel.server.tls;

import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.KestrelMessages;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.tls.ServerCertificate;

/**
 * Builds the Netty {@link SslContext} of an HTTPS endpoint from its {@link HttpsConnectionAdapterOptions}: certificate
 * and chain, TLS versions, client-certificate mode and validation, and ALPN from the endpoint's protocols
 * ({@code h2} first, then {@code http/1.1}, as Kestrel offers them).
 */
public final class SslContexts {

	private static final Log logger = LogFactory.getLog(SslContexts.class);

	private SslContexts() {
	}

	/**
	 * @param endpointName the endpoint, for warnings
	 * @param options the TLS settings
	 * @param protocols the HTTP protocols, for ALPN
	 * @return the context
	 */
	public static SslContext create(String endpointName, HttpsConnectionAdapterOptions options,
			HttpProtocols protocols) {
		ServerCertificate certificate = options.getServerCertificate();
		List<java.security.cert.X509Certificate> chain = new ArrayList<>();
		chain.add(certificate.certificate());
		chain.addAll(options.getServerCertificateChain());
		SslContextBuilder builder = SslContextBuilder.forServer(certificate.privateKey(), chain)
			.sslProvider(TlsEngine.provider())
			.applicationProtocolConfig(alpn(protocols));
		if (!options.getSslProtocols().isEmpty()) {
			builder.protocols(options.getSslProtocols().stream().map(SslProtocols::jsseName).toArray(String[]::new));
			options.getSslProtocols()
				.stream()
				.filter((protocol) -> protocol == SslProtocols.TLS || protocol == SslProtocols.TLS11)
				.forEach((protocol) -> logger.warn(KestrelMessages.obsoleteTlsVersion(endpointName,
						protocol.kestrelName())));
		}
		if (options.getClientCertificateMode().requestsCertificate()) {
			builder.clientAuth(switch (options.getClientCertificateMode()) {
				case REQUIRE_CERTIFICATE -> ClientAuth.REQUIRE;
				default -> ClientAuth.OPTIONAL;
			});
			builder.trustManager(new ClientCertificateTrustManager(options));
		}
		try {
			return builder.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cannot build the TLS context of endpoint " + endpointName, ex);
		}
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

}
