package dev.kestrel.devcerts;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.GeneratedCertificate;

/**
 * Certificates that are not (quite) development certificates, generated at test time.
 */
final class DevelopmentCertificateFixtures {

	private DevelopmentCertificateFixtures() {
	}

	static GeneratedCertificate plain(String subject) {
		return build(subject, Instant.now().minusSeconds(60), null);
	}

	static GeneratedCertificate marked(String subject, Instant notBefore, int version) {
		return build(subject, notBefore, new byte[] { (byte) version });
	}

	private static GeneratedCertificate build(String subject, Instant notBefore, byte[] marker) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name name = new X500Name(subject);
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
					BigInteger.valueOf(System.nanoTime()), Date.from(notBefore),
					Date.from(notBefore.plus(Duration.ofDays(30))), name, keyPair.getPublic());
			if (marker != null) {
				builder
					.addExtension(new Extension(new ASN1ObjectIdentifier(DevelopmentCertificate.OID), false, marker));
			}
			return new GeneratedCertificate(
					new JcaX509CertificateConverter().getCertificate(
							builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()))),
					keyPair.getPrivate());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
