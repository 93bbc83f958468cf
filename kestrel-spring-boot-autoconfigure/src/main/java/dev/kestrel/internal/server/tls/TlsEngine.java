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
public final class TlsEngine {

	private static final Log logger = LogFactory.getLog(TlsEngine.class);

	private static volatile boolean logged;

	private TlsEngine() {
	}

	static SslProvider provider() {
		SslProvider provider = select();
		if (!logged) {
			logged = true;
			logger.info(CertificateMessages.tlsEngine(describe(provider)));
		}
		return provider;
	}

	/**
	 * @return the engine TLS endpoints use, as logged at start-up:
	 * {@code OpenSSL (BoringSSL)} or {@code JDK (vendor version)}
	 */
	public static String description() {
		return describe(select());
	}

	private static SslProvider select() {
		return (OpenSsl.isAvailable() && SslProvider.isAlpnSupported(SslProvider.OPENSSL)) ? SslProvider.OPENSSL
				: SslProvider.JDK;
	}

	private static String describe(SslProvider provider) {
		return (provider == SslProvider.OPENSSL) ? "OpenSSL (" + OpenSsl.versionString() + ")"
				: "JDK (" + System.getProperty("java.vendor") + " " + System.getProperty("java.version") + ")";
	}

}
