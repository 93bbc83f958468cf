package dev.kestrel.internal.server.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.X509TrustManager;

import dev.kestrel.options.ClientCertificateValidator;
import dev.kestrel.internal.sni.TlsSettings;

/**
 * The client-certificate trust managers of one endpoint, one per validator, extra
 * authorities and revocation setting, shared by its TLS contexts (each trust manager
 * reads the JDK's trust anchors once).
 */
final class ClientTrustManagers {

	private final Map<Key, X509TrustManager> managers = new ConcurrentHashMap<>();

	/**
	 * @param settings settings that request a client certificate
	 * @return the trust manager for their validation
	 */
	X509TrustManager get(TlsSettings settings) {
		return get(settings.clientCertificateValidation(), settings.clientCertificateAuthorities(),
				settings.checkCertificateRevocation());
	}

	/**
	 * @param validator the application's validator, or {@code null}
	 * @param authorities extra authorities trusted for client certificates
	 * @param checkRevocation whether to check revocation
	 * @return the trust manager
	 */
	X509TrustManager get(ClientCertificateValidator validator, List<X509Certificate> authorities,
			boolean checkRevocation) {
		return this.managers.computeIfAbsent(new Key(validator, authorities, checkRevocation),
				(key) -> new ClientCertificateTrustManager(key.validator(), key.authorities(), key.checkRevocation()));
	}

	private record Key(ClientCertificateValidator validator, List<X509Certificate> authorities,
			boolean checkRevocation) {
	}

}
