package dev.kestrel.certificates;

import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyType;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ServerCertificateTests {

	private static final TestCertificate ROOT = TestCertificates.ca("Root");

	private static final TestCertificate INTERMEDIATE = TestCertificates.certificate("Intermediate")
		.certificateAuthority()
		.signedBy(ROOT)
		.build();

	private static final TestCertificate LEAF = TestCertificates.signedBy("leaf.example.test", INTERMEDIATE);

	@Test
	void chainIsTheLeafFollowedByTheIntermediates() {
		ServerCertificate certificate = LEAF.toServerCertificate();
		assertThat(certificate.intermediates()).containsExactly(INTERMEDIATE.certificate());
		assertThat(certificate.chain()).containsExactly(LEAF.certificate(), INTERMEDIATE.certificate());
	}

	@Test
	void intermediatesAreCopied() {
		List<X509Certificate> intermediates = new ArrayList<>(List.of(INTERMEDIATE.certificate()));
		ServerCertificate certificate = new ServerCertificate(LEAF.certificate(), LEAF.privateKey(), intermediates);
		intermediates.clear();
		assertThat(certificate.intermediates()).hasSize(1);
	}

	@Test
	void toStringShowsSubjectAndThumbprintButNeverTheKey() {
		ServerCertificate certificate = new ServerCertificate(LEAF.certificate(), LEAF.privateKey());
		assertThat(certificate.toString()).contains("CN=leaf.example.test")
			.contains(LEAF.thumbprint())
			.doesNotContain(LEAF.privateKey().toString())
			.doesNotContain(HexFormat.of().formatHex(LEAF.privateKey().getEncoded()))
			.doesNotContain(Base64.getEncoder().encodeToString(LEAF.privateKey().getEncoded()));
	}

	@Test
	void argumentsAreRequired() {
		assertThatNullPointerException().isThrownBy(() -> new ServerCertificate(null, LEAF.privateKey()))
			.withMessage("certificate");
		assertThatNullPointerException().isThrownBy(() -> new ServerCertificate(LEAF.certificate(), null))
			.withMessage("privateKey");
		assertThatNullPointerException()
			.isThrownBy(() -> new ServerCertificate(LEAF.certificate(), LEAF.privateKey(), null))
			.withMessage("intermediates");
	}

	@Test
	void storeCertificateWithoutKeyCannotBecomeAServerCertificate() {
		StoredCertificate entry = LEAF.toStoredCertificate(false);
		assertThat(entry.hasPrivateKey()).isFalse();
		assertThat(entry.toString()).contains(LEAF.thumbprint());
		assertThatIllegalStateException().isThrownBy(() -> ServerCertificate.of(entry));
		assertThat(ServerCertificate.of(LEAF.toStoredCertificate(true))).isEqualTo(LEAF.toServerCertificate());
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void serverCertificateServesAJsseHandshakeWithItsChain(KeyType keyType) throws Exception {
		TestCertificate leaf = TestCertificates.certificate("localhost")
			.keyType(keyType)
			.signedBy(INTERMEDIATE)
			.build();
		ServerCertificate certificate = leaf.toServerCertificate();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setKeyEntry("server", certificate.privateKey(), new char[0],
				certificate.chain().toArray(Certificate[]::new));
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, new char[0]);
		SSLContext server = SSLContext.getInstance("TLS");
		server.init(keyManagers.getKeyManagers(), null, null);
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("root", ROOT.certificate());
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trustStore);
		SSLContext client = SSLContext.getInstance("TLS");
		client.init(null, trustManagers.getTrustManagers(), null);
		try (SSLServerSocket serverSocket = (SSLServerSocket) server.getServerSocketFactory()
			.createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
				try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
					socket.startHandshake();
					socket.getOutputStream().write(1);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
				.createSocket(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort())) {
				socket.setSoTimeout(10_000);
				socket.startHandshake();
				assertThat(socket.getSession().getPeerCertificates()).containsExactly(leaf.certificate(),
						INTERMEDIATE.certificate());
				assertThat(socket.getInputStream().read()).isEqualTo(1);
			}
			accepted.get(10, TimeUnit.SECONDS);
		}
	}

}
