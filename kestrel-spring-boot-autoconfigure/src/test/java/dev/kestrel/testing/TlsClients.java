package dev.kestrel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS clients for integration tests: the JDK's {@link HttpClient} with a test trust store
 * (and optionally a client certificate).
 */
public final class TlsClients {

	private TlsClients() {
	}

	/**
	 * @param trusted the certificate (or CA) to trust
	 * @param version the HTTP version to ask for
	 * @return a client
	 */
	public static HttpClient client(X509Certificate trusted, HttpClient.Version version) {
		return client(trusted, null, version);
	}

	/**
	 * @param trusted the certificate (or CA) to trust
	 * @param clientCertificate the client certificate to present, or {@code null}
	 * @param version the HTTP version to ask for
	 * @return a client
	 */
	public static HttpClient client(X509Certificate trusted, TestCertificates.TestCertificate clientCertificate,
			HttpClient.Version version) {
		return HttpClient.newBuilder()
			.version(version)
			.sslContext(sslContext(trusted, clientCertificate))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * @param trusted the certificate to trust
	 * @param clientCertificate the client certificate, or {@code null}
	 * @return the SSL context
	 */
	public static SSLContext sslContext(X509Certificate trusted, TestCertificates.TestCertificate clientCertificate) {
		try {
			KeyStore trustStore = KeyStore.getInstance("PKCS12");
			trustStore.load(null, null);
			trustStore.setCertificateEntry("trusted", trusted);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore);
			KeyManagerFactory keys = null;
			if (clientCertificate != null) {
				KeyStore keyStore = KeyStore.getInstance("PKCS12");
				keyStore.load(null, null);
				PrivateKey key = clientCertificate.privateKey();
				keyStore.setKeyEntry("client", key, "pw".toCharArray(),
						clientCertificate.chain().toArray(new Certificate[0]));
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keys.init(keyStore, "pw".toCharArray());
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * GETs a URL.
	 * @param client the client
	 * @param url the URL
	 * @return the response
	 * @throws IOException when the request fails (e.g. the handshake is refused)
	 */
	public static HttpResponse<String> get(HttpClient client, String url) throws IOException {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
