package dev.kestrel.options;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.KestrelConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's notes on {@code ConfigureEndpointDefaults} and
 * {@code ConfigureHttpsDefaults}: "Calling this again replaces the prior action" (last
 * call wins), and endpoints created before the call don't get the defaults.
 */
class DefaultsLastCallWinsTests {

	private final KestrelServerOptions options = new KestrelServerOptions();

	@Test
	void theLastConfigureEndpointDefaultsWinsAndEarlierEndpointsKeepWhatTheyHad() {
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		ListenOptions before = this.options.listenLocalhost(6001);
		this.options.configureEndpointDefaults((listen) -> listen.disableAltSvcHeader(true));
		ListenOptions after = this.options.listenLocalhost(6002);
		assertThat(before.getProtocols()).isEqualTo(HttpProtocols.HTTP1);
		assertThat(before.isDisableAltSvcHeader()).isFalse();
		assertThat(after.getProtocols()).as("the first action was replaced, not chained")
			.isEqualTo(HttpProtocols.HTTP1_AND_HTTP2);
		assertThat(after.isDisableAltSvcHeader()).isTrue();
	}

	@Test
	void configurationEndpointsGetTheDefaultsInForceWhenTheyLoad() {
		this.options
			.configure(new KestrelConfig(List.of(EndpointConfig.of("Http", "http://127.0.0.1:6003")), null, null));
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP2));
		assertThat(this.options.loadConfigurationEndpoints()).singleElement()
			.extracting(ListenOptions::getProtocols)
			.isEqualTo(HttpProtocols.HTTP2);
	}

	@Test
	void theLastConfigureHttpsDefaultsWins() {
		this.options.configureHttpsDefaults((https) -> https.sslProtocols(Set.of(SslProtocols.TLS12)));
		HttpsConnectionAdapterOptions first = new HttpsConnectionAdapterOptions();
		this.options.applyHttpsDefaults(first);
		this.options
			.configureHttpsDefaults((https) -> https.clientCertificateMode(ClientCertificateMode.ALLOW_CERTIFICATE));
		HttpsConnectionAdapterOptions second = new HttpsConnectionAdapterOptions();
		this.options.applyHttpsDefaults(second);
		assertThat(first.getSslProtocols()).containsExactly(SslProtocols.TLS12);
		assertThat(second.getSslProtocols()).as("replaced, not chained").isNotEqualTo(Set.of(SslProtocols.TLS12));
		assertThat(second.getClientCertificateMode()).isEqualTo(ClientCertificateMode.ALLOW_CERTIFICATE);
	}

}
