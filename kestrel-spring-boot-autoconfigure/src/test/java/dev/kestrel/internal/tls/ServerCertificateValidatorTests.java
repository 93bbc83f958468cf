package dev.kestrel.internal.tls;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.internal.tls.store.Thumbprints;

import static dev.kestrel.internal.tls.TlsAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

class ServerCertificateValidatorTests {

	private final ServerCertificateValidator validator = new ServerCertificateValidator();

	@Test
	void serverCertificateWithSanAndServerAuthHasNoWarning() {
		TestCertificate certificate = TestCertificates.selfSigned("localhost");
		assertThat(this.validator.validate(certificate.certificate())).isEmpty();
	}

	@Test
	void certificateWithoutEkuIsAllowed() {
		TestCertificate certificate = TestCertificates.certificate("localhost").extendedKeyUsage().build();
		assertThat(ServerCertificateValidator.isAllowedForServerAuthentication(certificate.certificate())).isTrue();
		assertThat(this.validator.validate(certificate.certificate())).isEmpty();
	}

	@Test
	void certificateWithSeveralUsagesIncludingServerAuthIsAllowed() {
		TestCertificate certificate = TestCertificates.certificate("localhost")
			.extendedKeyUsage(Eku.CLIENT_AUTH, Eku.SERVER_AUTH, Eku.CODE_SIGNING)
			.build();
		assertThat(this.validator.validate(certificate.certificate())).isEmpty();
	}

	@Test
	void clientAuthCertificateIsRefusedWithKestrelsMessage() {
		TestCertificate certificate = TestCertificates.certificate("client").extendedKeyUsage(Eku.CLIENT_AUTH).build();
		assertThat(ServerCertificateValidator.isAllowedForServerAuthentication(certificate.certificate())).isFalse();
		assertFailure(() -> this.validator.validate(certificate.certificate()),
				CertificateMessages.invalidServerCertificateEku(certificate.thumbprint()), null, null);
	}

	@Test
	void codeSigningCertificateIsRefused() {
		TestCertificate certificate = TestCertificates.certificate("signer").extendedKeyUsage(Eku.CODE_SIGNING).build();
		assertFailure(() -> this.validator.validate(certificate.certificate()),
				CertificateMessages.invalidServerCertificateEku(certificate.thumbprint()), null, null);
	}

	@Test
	void certificateWithoutSanGetsKestrelsWarning() {
		TestCertificate certificate = TestCertificates.certificate("localhost").noSubjectAlternativeName().build();
		assertThat(this.validator.validate(certificate.certificate()))
			.containsExactly(CertificateMessages.certificateLacksSubjectAlternativeName(certificate.thumbprint()));
	}

	@Test
	void expiredCertificateGetsAWarningNotAnError() {
		TestCertificate certificate = TestCertificates.certificate("localhost").expired().build();
		assertThat(this.validator.validate(certificate.certificate()))
			.containsExactly(CertificateMessages.certificateExpired(certificate.thumbprint(),
					certificate.certificate().getNotAfter().toInstant().toString()));
	}

	@Test
	void notYetValidCertificateGetsAWarningNotAnError() {
		TestCertificate certificate = TestCertificates.certificate("localhost").notYetValid().build();
		assertThat(this.validator.validate(certificate.certificate()))
			.containsExactly(CertificateMessages.certificateNotYetValid(certificate.thumbprint(),
					certificate.certificate().getNotBefore().toInstant().toString()));
	}

	@Test
	void expiryIsJudgedByTheGivenClock() {
		TestCertificate certificate = TestCertificates.selfSigned("localhost");
		Instant afterExpiry = certificate.certificate().getNotAfter().toInstant().plus(Duration.ofSeconds(1));
		ServerCertificateValidator validator = new ServerCertificateValidator(Clock.fixed(afterExpiry, ZoneOffset.UTC));
		assertThat(validator.validate(certificate.certificate())).hasSize(1)
			.allSatisfy((warning) -> assertThat(warning).contains(certificate.thumbprint()));
	}

	@Test
	void warningsAccumulate() {
		TestCertificate certificate = TestCertificates.certificate("localhost")
			.noSubjectAlternativeName()
			.expired()
			.build();
		assertThat(this.validator.validate(certificate.certificate())).hasSize(2);
	}

	@Test
	void thumbprintIsUpperCaseSha1HexLikeDotNet() throws Exception {
		TestCertificate certificate = TestCertificates.selfSigned("localhost");
		byte[] digest = MessageDigest.getInstance("SHA-1").digest(certificate.certificate().getEncoded());
		String expected = HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
		assertThat(Thumbprints.of(certificate.certificate())).isEqualTo(expected).hasSize(40).matches("[0-9A-F]+");
	}

}
