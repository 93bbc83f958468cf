package dev.kestrel.internal.tls.devcert;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.internal.tls.store.ExternalTools;
import dev.kestrel.testing.RequiresTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DevelopmentCertificateTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.250Z");

	private static GeneratedCertificate generated;

	@TempDir
	Path temp;

	@BeforeAll
	static void generate() {
		generated = DevelopmentCertificate.generate(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void subjectIssuerKeyAndSignatureAreThoseOfAspNetCore() throws Exception {
		X509Certificate certificate = generated.certificate();
		assertThat(certificate.getVersion()).isEqualTo(3);
		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
		assertThat(certificate.getSigAlgName()).isEqualTo("SHA256WITHRSA");
		assertThat(certificate.getPublicKey()).isInstanceOf(RSAPublicKey.class);
		assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
		assertThat(((RSAPrivateCrtKey) generated.privateKey()).getModulus())
			.isEqualTo(((RSAPublicKey) certificate.getPublicKey()).getModulus());
		assertThat(certificate.getSerialNumber()).isPositive();
		certificate.verify(certificate.getPublicKey());
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(generated.privateKey());
		signature.update(new byte[] { 1, 2, 3 });
		byte[] signed = signature.sign();
		signature.initVerify(certificate);
		signature.update(new byte[] { 1, 2, 3 });
		assertThat(signature.verify(signed)).isTrue();
	}

	@Test
	void validityStartsNowAndLastsOneYear() {
		X509Certificate certificate = generated.certificate();
		Instant notBefore = NOW.truncatedTo(ChronoUnit.SECONDS);
		assertThat(certificate.getNotBefore().toInstant()).isEqualTo(notBefore);
		assertThat(certificate.getNotAfter().toInstant()).isEqualTo(notBefore.plus(Duration.ofDays(365)));
	}

	@Test
	void criticalExtensionsAreBasicConstraintsKeyUsageExtendedKeyUsageAndSubjectAlternativeName() {
		X509Certificate certificate = generated.certificate();
		assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder(Extension.basicConstraints.getId(),
				Extension.keyUsage.getId(), Extension.extendedKeyUsage.getId(),
				Extension.subjectAlternativeName.getId());
		assertThat(certificate.getNonCriticalExtensionOIDs()).containsExactlyInAnyOrder(DevelopmentCertificate.OID,
				Extension.subjectKeyIdentifier.getId(), Extension.authorityKeyIdentifier.getId());
	}

	@Test
	void basicConstraintsSayNotACertificateAuthority() {
		assertThat(generated.certificate().getBasicConstraints()).isEqualTo(-1);
	}

	@Test
	void keyUsageIsDigitalSignatureAndKeyEnciphermentOnly() {
		boolean[] keyUsage = generated.certificate().getKeyUsage();
		List<Integer> set = new ArrayList<>();
		for (int bit = 0; bit < keyUsage.length; bit++) {
			if (keyUsage[bit]) {
				set.add(bit);
			}
		}
		// 0 digitalSignature, 2 keyEncipherment
		assertThat(set).containsExactly(0, 2);
	}

	@Test
	void extendedKeyUsageIsServerAuthenticationOnly() throws Exception {
		assertThat(generated.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
	}

	@Test
	void subjectAlternativeNamesAreThoseOfVersionSix() throws Exception {
		List<String> names = new ArrayList<>();
		for (List<?> name : generated.certificate().getSubjectAlternativeNames()) {
			names.add(name.get(0) + ":" + name.get(1));
		}
		assertThat(names).containsExactly("2:localhost", "2:*.dev.localhost", "2:*.dev.internal",
				"2:host.docker.internal", "2:host.containers.internal", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1");
	}

	@Test
	void markerExtensionHoldsTheVersionInOneByte() {
		byte[] extension = generated.certificate().getExtensionValue("1.3.6.1.4.1.311.84.1.1");
		assertThat(ASN1OctetString.getInstance(extension).getOctets()).containsExactly(6);
		assertThat(DevelopmentCertificate.version(generated.certificate())).isEqualTo(6)
			.isEqualTo(DevelopmentCertificate.CURRENT_VERSION);
	}

	@Test
	void keyIdentifiersAreTheTruncatedSha256OfThePublicKey() throws Exception {
		X509Certificate certificate = generated.certificate();
		byte[] subjectKeyId = SubjectKeyIdentifier
			.getInstance(
					ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
						.getOctets())
			.getKeyIdentifier();
		byte[] authorityKeyId = AuthorityKeyIdentifier
			.getInstance(
					ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
						.getOctets())
			.getKeyIdentifier();
		byte[] publicKeyBits = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
			.getPublicKeyData()
			.getBytes();
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKeyBits);
		assertThat(subjectKeyId).hasSize(20).isEqualTo(Arrays.copyOf(digest, 20));
		assertThat(authorityKeyId).isEqualTo(subjectKeyId);
	}

	@Test
	void isDevelopmentCertificateNeedsTheMarkerAndTheLocalhostSubject() throws Exception {
		assertThat(DevelopmentCertificate.isDevelopmentCertificate(generated.certificate())).isTrue();
		X509Certificate otherSubject = certificate("CN=example.org", new byte[] { 6 });
		assertThat(DevelopmentCertificate.hasMarker(otherSubject)).isTrue();
		assertThat(DevelopmentCertificate.isDevelopmentCertificate(otherSubject)).isFalse();
		X509Certificate noMarker = certificate("CN=localhost", null);
		assertThat(DevelopmentCertificate.isDevelopmentCertificate(noMarker)).isFalse();
		assertThat(DevelopmentCertificate.version(noMarker)).isEqualTo(-1);
	}

	@Test
	void versionZeroCertificatesCarryTheFriendlyNameOrNothing() throws Exception {
		assertThat(DevelopmentCertificate.version(
				certificate("CN=localhost", DevelopmentCertificate.FRIENDLY_NAME.getBytes(StandardCharsets.US_ASCII))))
			.isZero();
		assertThat(DevelopmentCertificate.version(certificate("CN=localhost", new byte[0]))).isZero();
		assertThat(DevelopmentCertificate.version(certificate("CN=localhost", new byte[] { 2 }))).isEqualTo(2);
	}

	@Test
	void olderVersionsCanBeGeneratedForTests() {
		GeneratedCertificate old = DevelopmentCertificate.generate(NOW, NOW.plusSeconds(60), 2);
		assertThat(DevelopmentCertificate.version(old.certificate())).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> DevelopmentCertificate.generate(NOW, NOW, 6))
			.withMessageStartingWith("notAfter: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DevelopmentCertificate.generate(NOW, NOW.plusSeconds(1), 0))
			.withMessage("version: 0 (expected: 1-255)");
	}

	@Test
	void toStringNeverShowsTheKey() {
		assertThat(generated.toString()).contains("CN=localhost")
			.doesNotContain(((RSAPrivateCrtKey) generated.privateKey()).getPrivateExponent().toString());
	}

	@Test
	@RequiresTools("openssl")
	void openSslAcceptsItAsATrustedServerCertificateForLocalhostAndTheLoopbackAddresses() throws Exception {
		GeneratedCertificate current = DevelopmentCertificate.generate(Clock.systemUTC());
		Path pem = this.temp.resolve("localhost.pem");
		Files.writeString(pem, pem(current.certificate()));
		for (String[] target : new String[][] { { "-verify_hostname", "localhost" },
				{ "-verify_hostname", "api.dev.localhost" }, { "-verify_ip", "127.0.0.1" }, { "-verify_ip", "::1" } }) {
			ExternalTools.Result result = ExternalTools.run("openssl", "verify", "-purpose", "sslserver", "-CAfile",
					pem.toString(), target[0], target[1], pem.toString());
			assertThat(result.exitCode()).as(result.output()).isZero();
			assertThat(result.output()).contains(": OK");
		}
		ExternalTools.Result wrongHost = ExternalTools.run("openssl", "verify", "-purpose", "sslserver", "-CAfile",
				pem.toString(), "-verify_hostname", "example.org", pem.toString());
		assertThat(wrongHost.exitCode()).isNotZero();
	}

	private static String pem(X509Certificate certificate) throws Exception {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(certificate);
		}
		return out.toString();
	}

	private static X509Certificate certificate(String subject, byte[] marker) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keyPair = generator.generateKeyPair();
		X500Name name = new X500Name(subject);
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(NOW),
				Date.from(NOW.plusSeconds(3600)), name, keyPair.getPublic());
		if (marker != null) {
			builder.addExtension(new Extension(new ASN1ObjectIdentifier(DevelopmentCertificate.OID), false, marker));
		}
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
	}

}
