package dev.kestrel.internal.server.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.CertificateMessages;

/**
 * The TLS engine: OpenSSL (BoringSSL from {@code netty-tcnative-boringssl-static}, which
 * the starter brings) when it loads, else the JDK's.
 * {@code -Dio.netty.handler.ssl.noOpenSsl=true} forces the JDK engine.
 */
final class TlsEngine {

	private static final Log logger = LogFactory.getLog(TlsEngine.class);

	private static volatile boolean logged;

	private TlsEngine() {
	}

	static SslProvider provider() {
		SslProvider provider = (OpenSsl.isAvailable() && SslProvider.isAlpnSupported(SslProvider.OPENSSL))
				? SslProvider.OPENSSL : SslProvider.JDK;
		if (!logged) {
			logged = true;
			logger.info(CertificateMessages.tlsEngine((provider == SslProvider.OPENSSL)
					? "OpenSSL (" + OpenSsl.versionString() + ")"
					: "JDK (" + System.getProperty("java.vendor") + " " + System.getProperty("java.version") + ")"));
		}
		return provider;
	}

}
