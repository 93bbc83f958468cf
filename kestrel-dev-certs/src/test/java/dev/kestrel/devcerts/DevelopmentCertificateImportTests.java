package dev.kestrel.devcerts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.devcerts.export.DevelopmentCertificateExport;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.devcert.GeneratedCertificate;
import dev.kestrel.internal.tls.store.CertificateStore;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentCertificateImportTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path temp;

	private final List<String> warnings = new ArrayList<>();

	@Test
	void importAcceptsOnlyADevelopmentCertificateIntoAStoreWithoutOne() {
		CertificateStore my = CertificateStore.open(this.temp.resolve("stores"), "My", this.warnings::add);
		GeneratedCertificate generated = DevelopmentCertificate.generate(CLOCK);
		Path pfx = this.temp.resolve("dev.pfx");
		DevelopmentCertificateExport.export(generated.certificate(), generated.privateKey(), pfx,
				DevelopmentCertificateExport.Format.PFX, "secret".toCharArray());
		GeneratedCertificate plain = DevelopmentCertificateFixtures.plain("CN=localhost");
		Path plainPfx = this.temp.resolve("plain.pfx");
		DevelopmentCertificateExport.export(plain.certificate(), plain.privateKey(), plainPfx,
				DevelopmentCertificateExport.Format.PFX, "secret".toCharArray());
		assertThat(DevelopmentCertificateImport.importCertificate(my, this.temp.resolve("missing.pfx"), null))
			.isEqualTo(DevelopmentCertificateImport.Result.FILE_MISSING);
		assertThat(DevelopmentCertificateImport.importCertificate(my, pfx, "wrong".toCharArray()))
			.isEqualTo(DevelopmentCertificateImport.Result.INVALID_CERTIFICATE);
		assertThat(DevelopmentCertificateImport.importCertificate(my, plainPfx, "secret".toCharArray()))
			.isEqualTo(DevelopmentCertificateImport.Result.NOT_A_DEVELOPMENT_CERTIFICATE);
		assertThat(DevelopmentCertificateImport.importCertificate(my, pfx, "secret".toCharArray()))
			.isEqualTo(DevelopmentCertificateImport.Result.IMPORTED);
		assertThat(DevelopmentCertificates.findValid(my, CLOCK)).singleElement()
			.satisfies((stored) -> assertThat(stored.certificate()).isEqualTo(generated.certificate()));
		assertThat(DevelopmentCertificateImport.importCertificate(my, pfx, "secret".toCharArray()))
			.isEqualTo(DevelopmentCertificateImport.Result.EXISTING_CERTIFICATES_PRESENT);
	}

}
