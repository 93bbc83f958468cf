package dev.kestrel.internal.sni;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.TlsConnectionOptions;
import dev.kestrel.options.TlsHandshakeCallbackOptions;
import dev.kestrel.internal.sni.TlsConnectionRefusedException.Reason;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.Eku;
import dev.kestrel.certificates.ServerCertificate;

import static dev.kestrel.internal.sni.SniOptionsSelectorTests.refusal;
import static dev.kestrel.internal.sni.SniOptionsSelectorTests.select;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSelectors}: the certificate selector of an endpoint (S16) and the
 * TLS handshake callback (S17).
 */
class TlsSelectorsTests {

	private static final ServerCertificate FIXED = TestCertificates.selfSigned("fixed").toServerCertificate();

	private static final ServerCertificate SELECTED = TestCertificates.selfSigned("selected").toServerCertificate();

	@Test
	void certificateSelectorTakesPrecedenceAndIsCalledForEveryHandshake() {
		List<String> names = new ArrayList<>();
		ListenOptions endpoint = endpoint(
				(listen) -> listen.useHttps(new HttpsConnectionAdapterOptions().serverCertificate(FIXED)
					.serverCertificateSelector((connection, name) -> {
						names.add(name);
						return SELECTED;
					})));
		TlsSelector selector = TlsSelectors.forEndpoint(endpoint);
		assertThat(select(selector, "a.example.org").settings().certificate()).isSameAs(SELECTED);
		assertThat(select(selector, null).settings().certificate()).isSameAs(SELECTED);
		assertThat(names).containsExactly("a.example.org", null);
	}

	@Test
	void fixedCertificateIsOneSharedSelection() {
		TlsSelector selector = TlsSelectors.forEndpoint(endpoint((listen) -> listen.useHttps(FIXED)));
		assertThat(select(selector, "a")).isSameAs(select(selector, "b"));
		assertThat(select(selector, "a").shared()).isTrue();
	}

	@Test
	void callbackChoosesTheWholeConfigurationWithoutHttpsDefaults() {
		ServerCertificate signing = TestCertificates.certificate("signing")
			.extendedKeyUsage(Eku.CODE_SIGNING)
			.build()
			.toServerCertificate();
		ListenOptions endpoint = endpoint((listen) -> listen.protocols(HttpProtocols.HTTP2)
			.useHttps(new TlsHandshakeCallbackOptions().onConnectionState("state").onConnection((context) -> {
				HttpsConnectionAdapterOptions https = new HttpsConnectionAdapterOptions().serverCertificate(signing);
				return CompletableFuture.completedFuture("h1.example.org".equals(context.serverName())
						? TlsConnectionOptions.of(https, HttpProtocols.HTTP1) : TlsConnectionOptions.of(https));
			})));
		TlsSelector selector = TlsSelectors.forEndpoint(endpoint);
		assertThat(select(selector, "h1.example.org").settings().protocols()).isEqualTo(HttpProtocols.HTTP1);
		TlsSelection other = select(selector, "other.example.org");
		assertThat(other.settings().protocols()).as("the endpoint's").isEqualTo(HttpProtocols.HTTP2);
		assertThat(other.settings().certificate()).as("no usage check on this path").isSameAs(signing);
		assertThat(TlsSelectors.negotiableProtocols(endpoint)).isEqualTo(HttpProtocols.HTTP1_AND_HTTP2);
	}

	@Test
	void callbackMayAnswerLater() {
		CompletableFuture<TlsConnectionOptions> later = new CompletableFuture<>();
		TlsSelector selector = TlsSelectors.forEndpoint(endpoint(
				(listen) -> listen.useHttps(new TlsHandshakeCallbackOptions().onConnection((context) -> later))));
		CompletableFuture<TlsSelection> selection = selector
			.select(new dev.kestrel.options.TlsConnectionContext("Code", null, null), "a")
			.toCompletableFuture();
		assertThat(selection).isNotDone();
		later.complete(TlsConnectionOptions.of(new HttpsConnectionAdapterOptions().serverCertificate(SELECTED)));
		assertThat(selection.join().settings().certificate()).isSameAs(SELECTED);
	}

	@Test
	void callbackFailuresAndEmptyAnswersRefuseTheConnection() {
		assertThat(refusal(callback((context) -> {
			throw new IllegalStateException("boom");
		}), "a")).satisfies((ex) -> {
			assertThat(ex.getReason()).isEqualTo(Reason.SERVER_ERROR);
			assertThat(ex.getMessage()).isEqualTo(SniMessages.tlsHandshakeCallbackFailed("Code", "a"));
		});
		assertThat(
				refusal(callback((context) -> CompletableFuture.failedFuture(new IllegalStateException("later"))), "a")
					.getReason())
			.isEqualTo(Reason.SERVER_ERROR);
		assertThat(refusal(callback((context) -> CompletableFuture.completedFuture(null)), "a").getReason())
			.isEqualTo(Reason.NO_CERTIFICATE);
		assertThat(refusal(callback((context) -> CompletableFuture
			.completedFuture(TlsConnectionOptions.of(new HttpsConnectionAdapterOptions()))), "a"))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.isEqualTo(SniMessages.tlsHandshakeCallbackWithoutCertificate("Code", "a")));
	}

	@Test
	void negotiableProtocolsIncludeEverySniEntrysProtocols() {
		ListenOptions plain = endpoint((listen) -> listen.protocols(HttpProtocols.HTTP1).useHttps(FIXED));
		assertThat(TlsSelectors.negotiableProtocols(plain)).isEqualTo(HttpProtocols.HTTP1);
	}

	private static TlsSelector callback(dev.kestrel.options.TlsHandshakeCallback callback) {
		return TlsSelectors.forEndpoint(
				endpoint((listen) -> listen.useHttps(new TlsHandshakeCallbackOptions().onConnection(callback))));
	}

	private static ListenOptions endpoint(java.util.function.Consumer<ListenOptions> configure) {
		return new KestrelServerOptions().listen(InetAddress.getLoopbackAddress(), 0,
				(listen) -> configure.accept(listen.name("Code")));
	}

}
