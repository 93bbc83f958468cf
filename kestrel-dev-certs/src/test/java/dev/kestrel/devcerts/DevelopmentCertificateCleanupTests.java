package dev.kestrel.devcerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.devcerts.trust.DevCertReporter;
import dev.kestrel.devcerts.trust.DevelopmentCertificateTrust;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.devcert.GeneratedCertificate;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.StoredCertificate;
import dev.kestrel.internal.tls.store.Thumbprints;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentCertificateCleanupTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@TempDir
	Path temp;

	private final List<String> warnings = new ArrayList<>();

	@Test
	void cleanRemovesDevelopmentCertificatesFromMyRootAndTheTrustFolderOnly() throws Exception {
		CertificateStore my = store("My");
		StoredCertificate development = DevelopmentCertificates.ensureCreated(my, CLOCK).certificate();
		GeneratedCertificate otherSubject = DevelopmentCertificateFixtures.marked("CN=example.org",
				NOW.minusSeconds(60), 6);
		my.add(otherSubject.certificate(), otherSubject.privateKey());
		GeneratedCertificate plain = DevelopmentCertificateFixtures.plain("CN=localhost");
		my.add(plain.certificate(), plain.privateKey());
		GeneratedCertificate rootOnly = DevelopmentCertificate.generate(CLOCK);
		Path trustFolder = this.temp.resolve("trust");
		DevelopmentCertificateTrust trust = new DevelopmentCertificateTrust(store("Root"), trustFolder, List.of(),
				Map.of(), this.temp, DevCertReporter.silent());
		trust.trust(development.certificate());
		trust.rootStore().add(rootOnly.certificate(), null);
		assertThat(trust.rootStore().list()).hasSize(2);
		assertThat(trustFolder.resolve(DevelopmentCertificateTrust.nickname(development.certificate()) + ".pem"))
			.exists();
		DevelopmentCertificateCleanup.Result result = DevelopmentCertificateCleanup.clean(my, trust);
		assertThat(result.isComplete()).isTrue();
		assertThat(result.removed()).containsExactlyInAnyOrder(development.thumbprint(),
				Thumbprints.of(rootOnly.certificate()));
		assertThat(trust.rootStore().list()).isEmpty();
		assertThat(my.list()).extracting(StoredCertificate::certificate)
			.containsExactlyInAnyOrder(otherSubject.certificate(), plain.certificate());
		try (var files = Files.list(trustFolder)) {
			assertThat(files).isEmpty();
		}
		assertThat(this.warnings).isEmpty();
	}

	private CertificateStore store(String name) {
		return CertificateStore.open(this.temp.resolve("stores"), name, this.warnings::add);
	}

}
