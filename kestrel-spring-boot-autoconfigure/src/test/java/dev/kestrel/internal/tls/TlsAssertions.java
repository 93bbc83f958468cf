package dev.kestrel.internal.tls;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Assertions shared by the TLS tests.
 */
final class TlsAssertions {

	/** The password every test uses; no message may contain it. */
	static final String PASSWORD = "Pa55-w0rd-never-shown";

	private TlsAssertions() {
	}

	/**
	 * Asserts that a call fails with a problem and a key, and that no message of the
	 * failure contains the password.
	 * @param call the call
	 * @param problem the expected problem
	 * @param endpointName the expected endpoint name
	 * @param configurationKey the expected configuration key
	 * @return the exception
	 */
	static KestrelConfigurationException assertFailure(ThrowingCallable call, Problem problem, String endpointName,
			String configurationKey) {
		KestrelConfigurationException ex = catchThrowableOfType(KestrelConfigurationException.class, call);
		assertThat(ex).as("expected a KestrelConfigurationException").isNotNull();
		assertThat(ex.getProblem()).isEqualTo(problem);
		assertThat(ex.getEndpointName()).isEqualTo(endpointName);
		assertThat(ex.getConfigurationKey()).isEqualTo(configurationKey);
		assertNoSecret(ex);
		return ex;
	}

	/**
	 * Asserts that neither the exception nor any of its causes mentions the password.
	 * @param ex the exception
	 */
	static void assertNoSecret(KestrelConfigurationException ex) {
		assertThat(ex.getProblem().description()).doesNotContain(PASSWORD);
		assertThat(ex.getProblem().action()).doesNotContain(PASSWORD);
		for (Throwable each = ex; each != null; each = each.getCause()) {
			assertThat(String.valueOf(each.getMessage())).doesNotContain(PASSWORD);
			assertThat(each.toString()).doesNotContain(PASSWORD);
		}
	}

	/**
	 * Asserts that a private key belongs to a certificate by signing with the key and
	 * verifying with the certificate, independently of the code under test.
	 * @param certificate the certificate
	 * @param privateKey the private key
	 */
	static void assertKeyBelongsTo(X509Certificate certificate, PrivateKey privateKey) throws Exception {
		PublicKey publicKey = certificate.getPublicKey();
		String algorithm = switch (publicKey.getAlgorithm()) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			default -> "Ed25519";
		};
		byte[] data = "kestrel".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance(algorithm);
		signer.initSign(privateKey);
		signer.update(data);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance(algorithm);
		verifier.initVerify(publicKey);
		verifier.update(data);
		assertThat(verifier.verify(signature)).as("signature made with the loaded key verifies").isTrue();
	}

}
