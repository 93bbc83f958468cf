package dev.kestrel.internal.tls.store;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.KeyType;
import dev.kestrel.testing.TestCertificates.TestCertificate;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateKeyMatcherTests {

	private static TestCertificate rsa;

	private static TestCertificate otherRsa;

	private static TestCertificate ec;

	private static TestCertificate otherEc;

	private static TestCertificate ed25519;

	@BeforeAll
	static void generateCertificates() {
		rsa = TestCertificates.certificate("rsa.example.test").rsa().build();
		otherRsa = TestCertificates.certificate("other-rsa.example.test").rsa().build();
		ec = TestCertificates.certificate("ec.example.test").build();
		otherEc = TestCertificates.certificate("other-ec.example.test").build();
		ed25519 = TestCertificates.certificate("ed25519.example.test").keyType(KeyType.ED25519).build();
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void keyOfTheCertificateMatches(KeyType keyType) {
		TestCertificate certificate = TestCertificates.certificate("match.example.test").keyType(keyType).build();
		assertThat(CertificateKeyMatcher.matches(certificate.certificate(), certificate.privateKey())).isTrue();
	}

	@ParameterizedTest
	@EnumSource(KeyType.class)
	void keyOfTheCertificateMatchesWhenBouncyCastleCreatedIt(KeyType keyType) throws Exception {
		TestCertificate certificate = TestCertificates.certificate("match.example.test").keyType(keyType).build();
		PrivateKey bouncyCastleKey = KeyFactory
			.getInstance(certificate.privateKey().getAlgorithm(), new BouncyCastleProvider())
			.generatePrivate(new PKCS8EncodedKeySpec(certificate.privateKey().getEncoded()));
		assertThat(bouncyCastleKey.getClass().getName()).startsWith("org.bouncycastle");
		assertThat(CertificateKeyMatcher.matches(certificate.certificate(), bouncyCastleKey)).isTrue();
	}

	@Test
	void keyOfAnotherCertificateOfTheSameAlgorithmDoesNotMatch() {
		assertThat(CertificateKeyMatcher.matches(rsa.certificate(), otherRsa.privateKey())).isFalse();
		assertThat(CertificateKeyMatcher.matches(ec.certificate(), otherEc.privateKey())).isFalse();
		TestCertificate otherEd25519 = TestCertificates.certificate("other").keyType(KeyType.ED25519).build();
		assertThat(CertificateKeyMatcher.matches(ed25519.certificate(), otherEd25519.privateKey())).isFalse();
	}

	@Test
	void keyOfAnotherAlgorithmDoesNotMatch() {
		assertThat(CertificateKeyMatcher.matches(rsa.certificate(), ec.privateKey())).isFalse();
		assertThat(CertificateKeyMatcher.matches(ec.certificate(), ed25519.privateKey())).isFalse();
		assertThat(CertificateKeyMatcher.matches(ed25519.certificate(), rsa.privateKey())).isFalse();
	}

	@Test
	void ecKeyOnAnotherCurveDoesNotMatch() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		assertThat(CertificateKeyMatcher.matches(ec.certificate(), generator.generateKeyPair().getPrivate())).isFalse();
	}

	@Test
	void rsaKeyWithoutItsPublicExponentIsCheckedWithASignature() throws Exception {
		RSAPrivateCrtKey crtKey = (RSAPrivateCrtKey) rsa.privateKey();
		PrivateKey withoutExponent = KeyFactory.getInstance("RSA")
			.generatePrivate(new RSAPrivateKeySpec(crtKey.getModulus(), crtKey.getPrivateExponent()));
		assertThat(withoutExponent).isNotInstanceOf(RSAPrivateCrtKey.class);
		assertThat(CertificateKeyMatcher.matches(rsa.certificate(), withoutExponent)).isTrue();
		assertThat(CertificateKeyMatcher.matches(otherRsa.certificate(), withoutExponent)).isFalse();
	}

	@Test
	void keyOfAnUnknownAlgorithmThatCannotSignDoesNotMatch() {
		PrivateKey unknown = new PrivateKey() {

			@Override
			public String getAlgorithm() {
				return "Unknown";
			}

			@Override
			public String getFormat() {
				return "PKCS#8";
			}

			@Override
			public byte[] getEncoded() {
				return new byte[] { 0x30, 0x00 };
			}

		};
		assertThat(CertificateKeyMatcher.matches(rsa.certificate(), unknown)).isFalse();
		assertThat(CertificateKeyMatcher.matches(ed25519.certificate(), unknown)).isFalse();
	}

	@Test
	void keyAgreementKeyDoesNotMatchASigningCertificate() throws Exception {
		PrivateKey x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate();
		assertThat(CertificateKeyMatcher.matches(ed25519.certificate(), x25519)).isFalse();
	}

}
