package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static dev.kestrel.internal.tls.TlsAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

class StoreCertificateSelectorTests {

	private final Instant now = Instant.now();

	private final StoreCertificateSelector selector = new StoreCertificateSelector();

	@Test
	void subjectIsACaseInsensitiveSubstringOfTheCommonName() {
		TestCertificate nested = TestCertificates.selfSigned("foo.localhost.example");
		TestCertificate other = TestCertificates.selfSigned("example.org");
		assertThat(this.selector.find(entries(other, nested), "LocalHost", false))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(nested.certificate()));
	}

	@Test
	void subjectMatchesAnyAttributeValueOfTheSubjectName() {
		TestCertificate certificate = TestCertificates.certificate("web")
			.subject("CN=web, O=Contoso Ltd, C=DE")
			.build();
		assertThat(this.selector.find(entries(certificate), "contoso", false)).isPresent();
		assertThat(this.selector.find(entries(certificate), "CN=web", false)).isEmpty();
	}

	@Test
	void certificateWithoutPrivateKeyIsSkipped() {
		TestCertificate withoutKey = TestCertificates.certificate("localhost")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(300)))
			.build();
		TestCertificate withKey = TestCertificates.certificate("localhost")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(30)))
			.build();
		List<StoredCertificate> candidates = List.of(withoutKey.toStoredCertificate(false),
				withKey.toStoredCertificate(true));
		assertThat(this.selector.find(candidates, "localhost", false))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(withKey.certificate()));
		assertThat(this.selector.find(candidates.subList(0, 1), "localhost", true)).isEmpty();
	}

	@Test
	void certificateWhoseEkuLacksServerAuthIsSkipped() {
		TestCertificate client = TestCertificates.certificate("localhost")
			.extendedKeyUsage(Eku.CLIENT_AUTH)
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(300)))
			.build();
		TestCertificate noEku = TestCertificates.certificate("localhost")
			.extendedKeyUsage()
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(30)))
			.build();
		assertThat(this.selector.find(entries(client, noEku), "localhost", true))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(noEku.certificate()));
		assertThat(this.selector.find(entries(client), "localhost", true)).isEmpty();
	}

	@Test
	void expiredAndNotYetValidCertificatesAreSkippedUnlessAllowInvalid() {
		TestCertificate expired = TestCertificates.certificate("localhost").expired().build();
		TestCertificate future = TestCertificates.certificate("localhost").notYetValid().build();
		assertThat(this.selector.find(entries(expired, future), "localhost", false)).isEmpty();
		assertThat(this.selector.find(entries(expired), "localhost", true))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(expired.certificate()));
		assertThat(this.selector.find(entries(expired, future), "localhost", true))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(future.certificate()));
	}

	@Test
	void validityIsJudgedByTheGivenClock() {
		TestCertificate certificate = TestCertificates.selfSigned("localhost");
		Instant later = certificate.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
		StoreCertificateSelector selector = new StoreCertificateSelector(Clock.fixed(later, ZoneOffset.UTC));
		assertThat(selector.find(entries(certificate), "localhost", false)).isEmpty();
		assertThat(selector.find(entries(certificate), "localhost", true)).isPresent();
	}

	@Test
	void certificateThatExpiresLastWins() {
		TestCertificate sooner = TestCertificates.certificate("a.localhost.test")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(10)))
			.build();
		TestCertificate later = TestCertificates.certificate("b.localhost.test")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(100)))
			.build();
		TestCertificate middle = TestCertificates.certificate("c.localhost.test")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(50)))
			.build();
		assertThat(this.selector.find(entries(sooner, later, middle), "localhost", false))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(later.certificate()));
	}

	@Test
	void exactCommonNameWinsOverALaterSubstringMatch() {
		TestCertificate substring = TestCertificates.certificate("api.localhost.test")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(300)))
			.build();
		TestCertificate exact = TestCertificates.certificate("LocalHost")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(10)))
			.build();
		assertThat(this.selector.find(entries(substring, exact), "localhost", false))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(exact.certificate()));
	}

	@Test
	void amongExactMatchesTheOneThatExpiresLastWins() {
		TestCertificate older = TestCertificates.certificate("localhost")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(10)))
			.build();
		TestCertificate newer = TestCertificates.certificate("localhost")
			.validity(this.now.minus(Duration.ofDays(1)), this.now.plus(Duration.ofDays(20)))
			.build();
		assertThat(this.selector.find(entries(older, newer), "localhost", false))
			.hasValueSatisfying((selected) -> assertThat(selected.certificate()).isEqualTo(newer.certificate()));
	}

	@Test
	void selectedCertificateKeepsItsKeyAndIntermediates() {
		TestCertificate root = TestCertificates.ca("Root");
		TestCertificate intermediate = TestCertificates.certificate("Intermediate")
			.certificateAuthority()
			.signedBy(root)
			.build();
		TestCertificate leaf = TestCertificates.signedBy("localhost", intermediate);
		ServerCertificate selected = this.selector.select(entries(leaf), "localhost", StoreLocation.CURRENT_USER, "My",
				false);
		assertThat(selected).isEqualTo(leaf.toServerCertificate());
	}

	@Test
	void noMatchIsReportedWithKestrelsMessage() {
		TestCertificate certificate = TestCertificates.certificate("localhost").expired().build();
		assertFailure(
				() -> this.selector.select(entries(certificate), "localhost", StoreLocation.LOCAL_MACHINE, "Root",
						false),
				CertificateMessages.certificateNotFoundInStore("localhost", "LocalMachine", "Root", false), null, null);
		assertThat(CertificateMessages.certificateNotFoundInStore("localhost", "CurrentUser", "My", true).description())
			.isEqualTo("The requested certificate localhost could not be found in CurrentUser/My with AllowInvalid "
					+ "setting: True.");
	}

	@Test
	void emptyStoreFindsNothing() {
		assertThat(this.selector.find(List.of(), "localhost", true)).isEmpty();
	}

	private static List<StoredCertificate> entries(TestCertificate... certificates) {
		return Arrays.stream(certificates).map((certificate) -> certificate.toStoredCertificate(true)).toList();
	}

}
