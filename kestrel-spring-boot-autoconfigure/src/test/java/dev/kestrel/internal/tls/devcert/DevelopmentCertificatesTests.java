package dev.kestrel.internal.tls.devcert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.StoredCertificate;
import dev.kestrel.internal.tls.store.Thumbprints;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentCertificatesTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@TempDir
	Path temp;

	private final List<String> warnings = new ArrayList<>();

	@Test
	void validCertificatesComeHighestVersionFirstThenNewest() {
		CertificateStore my = store("My");
		String olderSix = add(my, NOW.minus(Duration.ofDays(10)), 6);
		String newerSix = add(my, NOW.minus(Duration.ofDays(1)), 6);
		String five = add(my, NOW.minus(Duration.ofDays(1)), 5);
		String four = add(my, NOW.minus(Duration.ofHours(1)), 4);
		assertThat(DevelopmentCertificates.findValid(my, CLOCK)).extracting(StoredCertificate::thumbprint)
			.containsExactly(newerSix, olderSix, five, four);
	}

	@Test
	void expiredFutureKeylessAndTooOldCertificatesAreNotValid() {
		CertificateStore my = store("My");
		String valid = add(my, NOW.minus(Duration.ofDays(1)), 6);
		GeneratedCertificate expired = DevelopmentCertificate.generate(NOW.minus(Duration.ofDays(400)),
				NOW.minusSeconds(1), 6);
		my.add(expired.certificate(), expired.privateKey());
		GeneratedCertificate future = DevelopmentCertificate.generate(NOW.plusSeconds(60), NOW.plus(Duration.ofDays(2)),
				6);
		my.add(future.certificate(), future.privateKey());
		GeneratedCertificate keyless = DevelopmentCertificate.generate(NOW.minusSeconds(60), NOW.plusSeconds(60), 6);
		my.add(keyless.certificate(), null);
		String versionTwo = add(my, NOW.minus(Duration.ofDays(2)), 2);
		assertThat(DevelopmentCertificates.findValid(my, CLOCK)).extracting(StoredCertificate::thumbprint)
			.containsExactly(valid);
		assertThat(DevelopmentCertificates.findValid(my, CLOCK, 0)).extracting(StoredCertificate::thumbprint)
			.containsExactly(valid, versionTwo);
		assertThat(DevelopmentCertificates.findAll(my)).hasSize(5);
		assertThat(DevelopmentCertificates.findValid(my, Clock.offset(CLOCK, Duration.ofDays(366)))).isEmpty();
	}

	@Test
	void certificatesWithoutTheMarkerAreIgnored() {
		CertificateStore my = store("My");
		GeneratedCertificate plain = DevelopmentCertificateFixtures.plain("CN=localhost");
		my.add(plain.certificate(), plain.privateKey());
		assertThat(DevelopmentCertificates.findAll(my)).isEmpty();
		assertThat(DevelopmentCertificates.findValid(my, CLOCK)).isEmpty();
	}

	@Test
	void ensureCreatedCreatesOneCertificateThenReturnsIt() throws Exception {
		CertificateStore my = store("My");
		DevelopmentCertificates.EnsureResult first = DevelopmentCertificates.ensureCreated(my, CLOCK);
		assertThat(first.created()).isTrue();
		assertThat(first.certificate().hasPrivateKey()).isTrue();
		assertThat(DevelopmentCertificate.version(first.certificate().certificate()))
			.isEqualTo(DevelopmentCertificate.CURRENT_VERSION);
		assertThat(first.certificate().file())
			.isEqualTo(this.temp.resolve("stores/my/" + Thumbprints.of(first.certificate().certificate()) + ".pfx"));
		DevelopmentCertificates.EnsureResult second = DevelopmentCertificates.ensureCreated(my, CLOCK);
		assertThat(second.created()).isFalse();
		assertThat(second.certificate().thumbprint()).isEqualTo(first.certificate().thumbprint());
		try (var files = Files.list(my.directory())) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void ensureCreatedAcceptsAnOlderSupportedVersionUnlessTheCurrentOneIsRequired() {
		CertificateStore my = store("My");
		String four = add(my, NOW.minus(Duration.ofDays(1)), 4);
		DevelopmentCertificates.EnsureResult serverStart = DevelopmentCertificates.ensureCreated(my, CLOCK);
		assertThat(serverStart.created()).isFalse();
		assertThat(serverStart.certificate().thumbprint()).isEqualTo(four);
		DevelopmentCertificates.EnsureResult tool = DevelopmentCertificates.ensureCreated(my, CLOCK,
				DevelopmentCertificate.CURRENT_VERSION);
		assertThat(tool.created()).isTrue();
		assertThat(DevelopmentCertificates.findValid(my, CLOCK).get(0).thumbprint())
			.isEqualTo(tool.certificate().thumbprint());
	}

	@Test
	void ensureCreatedIgnoresMarkedCertificatesForAnotherSubject() {
		CertificateStore my = store("My");
		GeneratedCertificate other = DevelopmentCertificateFixtures.marked("CN=example.org", NOW.minusSeconds(60), 6);
		my.add(other.certificate(), other.privateKey());
		assertThat(DevelopmentCertificates.findValid(my, CLOCK)).hasSize(1);
		assertThat(DevelopmentCertificates.ensureCreated(my, CLOCK).created()).isTrue();
	}

	private CertificateStore store(String name) {
		return CertificateStore.open(this.temp.resolve("stores"), name, this.warnings::add);
	}

	private static String add(CertificateStore store, Instant notBefore, int version) {
		GeneratedCertificate generated = DevelopmentCertificate.generate(notBefore.truncatedTo(ChronoUnit.SECONDS),
				notBefore.plus(Duration.ofDays(365)), version);
		return store.add(generated.certificate(), generated.privateKey()).thumbprint();
	}

}
