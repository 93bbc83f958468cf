package dev.kestrel.internal.sni;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.ClientCertificateMode;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.SniCertificate;
import dev.kestrel.options.SniOptions;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.internal.sni.TlsConnectionRefusedException.Reason;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.certificates.ServerCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SniOptionsSelector}: per-entry settings over the endpoint's (S15.3),
 * refusals (S15.2) and the endpoint's certificate selector (S16).
 */
class SniOptionsSelectorTests {

	private static final ServerCertificate ENDPOINT = TestCertificates.selfSigned("endpoint").toServerCertificate();

	private static final ServerCertificate HOST = TestCertificates.selfSigned("host").toServerCertificate();

	private static final TlsConnectionContext CONNECTION = new TlsConnectionContext("Sni", null, null);

	@Test
	void unsetEntryValuesFallBackToTheEndpoint() {
		HttpsConnectionAdapterOptions endpoint = new HttpsConnectionAdapterOptions().serverCertificate(ENDPOINT)
			.sslProtocols(SslProtocols.TLS12, SslProtocols.TLS13)
			.clientCertificateMode(ClientCertificateMode.ALLOW_CERTIFICATE)
			.allowAnyClientCertificate();
		Map<String, SniOptions> sni = new LinkedHashMap<>();
		sni.put("own.example.org", new SniOptions(SniCertificate.of(HOST), HttpProtocols.HTTP1,
				EnumSet.of(SslProtocols.TLS13), ClientCertificateMode.REQUIRE_CERTIFICATE));
		sni.put("*", new SniOptions(null, null, null, null));
		SniOptionsSelector selector = new SniOptionsSelector("Sni", endpoint, HttpProtocols.HTTP1_AND_HTTP2, sni);
		TlsSettings own = select(selector, "own.example.org").settings();
		assertThat(own.certificate()).isSameAs(HOST);
		assertThat(own.protocols()).isEqualTo(HttpProtocols.HTTP1);
		assertThat(own.sslProtocols()).containsExactly(SslProtocols.TLS13);
		assertThat(own.clientCertificateMode()).isEqualTo(ClientCertificateMode.REQUIRE_CERTIFICATE);
		assertThat(own.clientCertificateValidation()).as("from the endpoint only")
			.isSameAs(endpoint.getClientCertificateValidation());
		TlsSettings inherited = select(selector, "other.example.org").settings();
		assertThat(inherited.certificate()).isSameAs(ENDPOINT);
		assertThat(inherited.protocols()).isEqualTo(HttpProtocols.HTTP1_AND_HTTP2);
		assertThat(inherited.sslProtocols()).containsExactlyInAnyOrder(SslProtocols.TLS12, SslProtocols.TLS13);
		assertThat(inherited.clientCertificateMode()).isEqualTo(ClientCertificateMode.ALLOW_CERTIFICATE);
	}

	@Test
	void entriesWithEqualSettingsShareOneSettingsInstance() {
		HttpsConnectionAdapterOptions endpoint = new HttpsConnectionAdapterOptions().serverCertificate(ENDPOINT);
		Map<String, SniOptions> sni = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			sni.put("h" + i + ".example.org",
					new SniOptions(null, (i % 2 == 0) ? HttpProtocols.HTTP1 : null, null, null));
		}
		sni.put("*.example.net", new SniOptions(SniCertificate.of(HOST), null, null, null));
		sni.put("*.example.com", new SniOptions(SniCertificate.of(HOST), null, null, null));
		SniOptionsSelector selector = new SniOptionsSelector("Sni", endpoint, HttpProtocols.HTTP1_AND_HTTP2, sni);
		assertThat(selector.size()).isEqualTo(102);
		assertThat(selector.distinctSettings()).isEqualTo(3);
		assertThat(select(selector, "h0.example.org").settings())
			.isSameAs(select(selector, "h2.example.org").settings());
		assertThat(select(selector, "a.example.net").settings()).isSameAs(select(selector, "a.example.com").settings());
		assertThat(select(selector, "h0.example.org").shared()).isTrue();
	}

	@Test
	void unmatchedNamesAreRefusedWithKestrelsMessages() {
		SniOptionsSelector selector = new SniOptionsSelector("Strict",
				new HttpsConnectionAdapterOptions().serverCertificate(ENDPOINT), HttpProtocols.HTTP1_AND_HTTP2,
				Map.of("a.example.org", new SniOptions(null, null, null, null)));
		assertThat(refusal(selector, "b.example.org")).satisfies((ex) -> {
			assertThat(ex.getReason()).isEqualTo(Reason.NO_MATCHING_SNI_SECTION);
			assertThat(ex.getMessage()).isEqualTo(SniMessages.sniNotConfiguredForServerName("b.example.org", "Strict"));
		});
		assertThat(refusal(selector, null).getMessage())
			.isEqualTo(SniMessages.sniNotConfiguredToAllowNoServerName("Strict"));
	}

	@Test
	void endpointSelectorIsCalledPerHandshakeForEntriesWithoutCertificate() {
		List<String> calls = new ArrayList<>();
		HttpsConnectionAdapterOptions endpoint = new HttpsConnectionAdapterOptions().serverCertificate(ENDPOINT)
			.serverCertificateSelector((connection, name) -> {
				calls.add(name);
				return HOST;
			});
		Map<String, SniOptions> sni = new LinkedHashMap<>();
		sni.put("own.example.org", new SniOptions(SniCertificate.of(ENDPOINT), null, null, null));
		sni.put("*", new SniOptions(null, HttpProtocols.HTTP1, null, null));
		SniOptionsSelector selector = new SniOptionsSelector("Sni", endpoint, HttpProtocols.HTTP1_AND_HTTP2, sni);
		assertThat(select(selector, "x.example.org").settings().certificate()).isSameAs(HOST);
		assertThat(select(selector, "x.example.org").settings().protocols()).isEqualTo(HttpProtocols.HTTP1);
		assertThat(select(selector, "x.example.org").shared()).isFalse();
		assertThat(select(selector, "own.example.org").settings().certificate()).as("the entry's own wins")
			.isSameAs(ENDPOINT);
		assertThat(calls).containsExactly("x.example.org", "x.example.org", "x.example.org");
	}

	@Test
	void selectorResultsAreCheckedForServerAuthenticationPerHandshake() {
		ServerCertificate signing = TestCertificates.certificate("signing")
			.extendedKeyUsage(Eku.CODE_SIGNING)
			.build()
			.toServerCertificate();
		HttpsConnectionAdapterOptions endpoint = new HttpsConnectionAdapterOptions()
			.serverCertificateSelector((connection, name) -> "null.example.org".equals(name) ? null : signing);
		SniOptionsSelector selector = new SniOptionsSelector("Sni", endpoint, HttpProtocols.HTTP1_AND_HTTP2,
				Map.of("*", new SniOptions(null, null, null, null)));
		assertThat(refusal(selector, "x.example.org")).satisfies((ex) -> {
			assertThat(ex.getReason()).isEqualTo(Reason.SERVER_ERROR);
			assertThat(ex.getMessage())
				.contains(CertificateMessages.invalidServerCertificateEku(signing.thumbprint()).description());
		});
		assertThat(refusal(selector, "null.example.org").getReason()).isEqualTo(Reason.NO_CERTIFICATE);
	}

	@Test
	void tlsVersionsOfAnEntryMayBeThePlatformDefault() {
		HttpsConnectionAdapterOptions endpoint = new HttpsConnectionAdapterOptions().serverCertificate(ENDPOINT)
			.sslProtocols(SslProtocols.TLS13);
		SniOptionsSelector selector = new SniOptionsSelector("Sni", endpoint, HttpProtocols.HTTP1_AND_HTTP2,
				Map.of("*", new SniOptions(null, null, Set.of(), null)));
		assertThat(select(selector, "a").settings().sslProtocols()).isEmpty();
	}

	@Test
	void certificateLoadedOnFirstUseIsResolvedOnceOrRefusesItsHost() {
		List<String> loads = new ArrayList<>();
		Map<String, SniOptions> sni = new LinkedHashMap<>();
		sni.put("lazy.example.org",
				new SniOptions(SniCertificate.deferred("kestrel.endpoints.Sni.sni.lazy.certificate", () -> {
					loads.add("lazy");
					return HOST;
				}), null, null, null));
		sni.put("broken.example.org",
				new SniOptions(SniCertificate.deferred("kestrel.endpoints.Sni.sni.broken.certificate", () -> {
					throw new dev.kestrel.diagnostics.KestrelConfigurationException(
							CertificateMessages.certificateFileNotFound("broken.pem"));
				}), null, null, null));
		SniOptionsSelector selector = new SniOptionsSelector("Sni",
				new HttpsConnectionAdapterOptions().serverCertificate(ENDPOINT), HttpProtocols.HTTP1_AND_HTTP2, sni);
		assertThat(loads).as("nothing loaded at construction").isEmpty();
		TlsSelection lazy = select(selector, "lazy.example.org");
		assertThat(lazy.settings().certificate()).isSameAs(HOST);
		assertThat(lazy.shared()).isTrue();
		assertThat(select(selector, "lazy.example.org")).isSameAs(lazy);
		assertThat(loads).containsExactly("lazy");
		assertThat(refusal(selector, "broken.example.org")).satisfies((ex) -> {
			assertThat(ex.getReason()).isEqualTo(Reason.SERVER_ERROR);
			assertThat(ex.getMessage())
				.isEqualTo(SniMessages.sniCertificateFailed("Sni", "kestrel.endpoints.Sni.sni.broken.certificate",
						CertificateMessages.certificateFileNotFound("broken.pem").description()));
		});
	}

	static TlsSelection select(TlsSelector selector, String name) {
		return selector.select(CONNECTION, name).toCompletableFuture().join();
	}

	static TlsConnectionRefusedException refusal(TlsSelector selector, String name) {
		CompletionStage<TlsSelection> stage = selector.select(CONNECTION, name);
		CompletionException failure = org.assertj.core.api.Assertions
			.catchThrowableOfType(() -> stage.toCompletableFuture().join(), CompletionException.class);
		assertThat(failure).isNotNull();
		assertThatExceptionOfType(TlsConnectionRefusedException.class).isThrownBy(() -> {
			throw failure.getCause();
		});
		return (TlsConnectionRefusedException) failure.getCause();
	}

}
