package dev.kestrel.benchmarks.sni;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.kestrel.certificates.ServerCertificate;

/**
 * EC P-256 certificates for the SNI benchmarks, generated on the spot (nothing is
 * committed): a CA and leaf certificates it signs, written as PEM certificate and PKCS#8
 * key files.
 */
final class BenchmarkCertificates {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyPair caKeys;

	private final X509Certificate ca;

	BenchmarkCertificates() {
		this.caKeys = keyPair();
		this.ca = certificate("CN=SNI Benchmark CA", this.caKeys, "CN=SNI Benchmark CA", this.caKeys.getPrivate(), null,
				true);
	}

	/**
	 * @param commonName the subject's common name, also the SAN
	 * @return a self-signed certificate with its key
	 */
	static ServerCertificate selfSigned(String commonName) {
		KeyPair keys = keyPair();
		return new ServerCertificate(
				certificate("CN=" + commonName, keys, "CN=" + commonName, keys.getPrivate(), commonName, false),
				keys.getPrivate());
	}

	/**
	 * Writes a leaf certificate for a host, signed by the CA.
	 * @param directory where to write
	 * @param host the host (SAN)
	 * @param fileName the base name of the files
	 * @return the certificate file and the key file
	 */
	Path[] write(Path directory, String host, String fileName) {
		KeyPair keys = keyPair();
		X509Certificate certificate = certificate("CN=" + host, keys, this.ca.getSubjectX500Principal().getName(),
				this.caKeys.getPrivate(), host, false);
		try {
			Path certificateFile = Files.writeString(directory.resolve(fileName + ".crt"), pem(certificate));
			Path keyFile = Files.writeString(directory.resolve(fileName + ".key"), pem(keys.getPrivate()));
			return new Path[] { certificateFile, keyFile };
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey signer,
			String dnsName, boolean authority) {
		try {
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
					new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), keys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
			if (dnsName != null) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(Object object) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject((object instanceof PrivateKey key)
					? new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded()) : object);
		}
		return text.toString();
	}

}
