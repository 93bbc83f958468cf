package dev.kestrel.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.LimitsMessages;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.MinDataRate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code Kestrel.Limits}, an endpoint's {@code Limits}, {@code EndpointDefaults.Limits}
 * and an SNI entry's, from Spring's environment to the options.
 */
class LimitsConfigurationTests {

	/** An explicit null, as YAML writes it into the environment. */
	private static final String NULL = String.valueOf(new char[0]);

	@Test
	void limitsBindWithKestrelsNamesGloballyInEndpointDefaultsAndPerEndpoint() {
		KestrelServerOptions options = load("Kestrel.Limits.MaxRequestBodySize", "1000",
				"Kestrel.Limits.Http2.MaxStreamsPerConnection", "10",
				"Kestrel.EndpointDefaults.Limits.MaxRequestHeaderCount", "50", "Kestrel.Endpoints.A.Url",
				"http://127.0.0.1:5000", "Kestrel.Endpoints.A.Limits.MaxRequestBodySize", "null",
				"Kestrel.Endpoints.A.Limits.KeepAliveTimeout", "00:01:00",
				"Kestrel.Endpoints.A.Limits.MinRequestBodyDataRate.GracePeriod", "00:00:10", "Kestrel.Endpoints.B.Url",
				"http://127.0.0.1:5001", "Kestrel.Endpoints.B.Limits.RequestHeadersTimeout", "15s");
		List<ListenOptions> endpoints = options.getConfigurationLoader().load();
		ListenOptions a = endpoints.get(0);
		ListenOptions b = endpoints.get(1);
		assertThat(options.getLimits().getMaxRequestBodySize()).isEqualTo(1000L);
		assertThat(options.getLimits().getMaxRequestHeaderCount()).as("Kestrel's default").isEqualTo(100);
		assertThat(a.getLimits().getMaxRequestBodySize()).as("null: unlimited").isNull();
		assertThat(a.getLimits().getMaxRequestHeaderCount()).isEqualTo(50);
		assertThat(a.getLimits().getKeepAliveTimeout()).isEqualTo(Duration.ofMinutes(1));
		assertThat(a.getLimits().getMinRequestBodyDataRate()).isEqualTo(new MinDataRate(240, Duration.ofSeconds(10)));
		assertThat(a.getLimits().getHttp2().getMaxStreamsPerConnection()).isEqualTo(10);
		assertThat(a.getLimits().configurationKey("MaxRequestBodySize"))
			.isEqualTo("kestrel.endpoints.A.limits.max-request-body-size");
		assertThat(b.getLimits().getMaxRequestBodySize()).isEqualTo(1000L);
		assertThat(b.getLimits().configurationKey("MaxRequestBodySize"))
			.isEqualTo("kestrel.limits.max-request-body-size");
		assertThat(b.getLimits().getRequestHeadersTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(b.getLimits().getKeepAliveTimeout()).isEqualTo(Duration.ofSeconds(130));
	}

	@Test
	void codeSetServerLimitsReachEndpointsThatDoNotSetTheirOwn() {
		KestrelServerOptions options = new KestrelServerOptions();
		ListenOptions endpoint = options.listenLocalhost(5100);
		options.getLimits().maxRequestLineSize(1000);
		assertThat(endpoint.getLimits().getMaxRequestLineSize()).isEqualTo(1000);
		endpoint.getLimits().maxRequestLineSize(2000);
		assertThat(endpoint.getLimits().getMaxRequestLineSize()).isEqualTo(2000);
		assertThat(options.getLimits().getMaxRequestLineSize()).isEqualTo(1000);
	}

	@Test
	void sniEntriesReadRequestLimitsBelowDottedHostNames() {
		KestrelSettings settings = KestrelConfigurationReader.read(TestEnvironments.create()
			.applicationConfig("Kestrel.Endpoints.Https.Url", "https://127.0.0.1:5001",
					"Kestrel.Endpoints.Https.Sni.a.example.org.Limits.MaxRequestHeaderCount", "10",
					"Kestrel.Endpoints.Https.Sni.a.example.org.Limits.MaxRequestBodySize", NULL)
			.build());
		SniConfig entry = settings.configuration().endpoints().get(0).sni().get("a.example.org");
		assertThat(entry.limits().values()).containsExactlyInAnyOrderEntriesOf(
				Map.of("max-request-header-count", "10", "max-request-body-size", NULL));
	}

	@Test
	void badValuesFailStartupNamingTheKey() {
		assertInvalid("kestrel.limits.max-request-line-size", "Kestrel.Limits.MaxRequestLineSize", "0");
		assertInvalid("kestrel.limits.max-request-body-size", "Kestrel.Limits.MaxRequestBodySize", "-1");
		assertInvalid("kestrel.limits.keep-alive-timeout", "Kestrel.Limits.KeepAliveTimeout", "00:00:00");
		assertInvalid("kestrel.limits.request-headers-timeout", "Kestrel.Limits.RequestHeadersTimeout", "30");
		assertInvalid("kestrel.limits.http2.max-frame-size", "Kestrel.Limits.Http2.MaxFrameSize", "1000");
		assertInvalid("kestrel.limits.http2.initial-stream-window-size", "Kestrel.Limits.Http2.InitialStreamWindowSize",
				"100");
		assertInvalid("kestrel.limits.max-concurrent-connections", "Kestrel.Limits.MaxConcurrentConnections", "ten");
		assertInvalid("kestrel.limits.min-request-body-data-rate", "Kestrel.Limits.MinRequestBodyDataRate.GracePeriod",
				"00:00:01");
	}

	@Test
	void valuesOfTheWrongTypeFailInTheBinderNamingTheKey() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load("Kestrel.Limits.MaxRequestHeaderCount", "many"))
			.satisfies(
					(ex) -> assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.limits.max-request-header-count"));
	}

	@Test
	void unknownLimitKeysFailStartup() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load("Kestrel.Limits.MaxRequestSpeed", "1"))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(ConfigurationMessages.unknownKeys(List.of("kestrel.limits.maxrequestspeed"))));
	}

	@Test
	void springBootsRequestHeadSizesAreRefusedNamingTheKestrelKey() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load("server.max-http-request-header-size", "16KB"))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(LimitsMessages.serverHeadSizeReplaced(
					"server.max-http-request-header-size", "Kestrel.Limits.MaxRequestHeadersTotalSize")));
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load("server.netty.max-initial-line-length", "8KB"))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(LimitsMessages
				.serverHeadSizeReplaced("server.netty.max-initial-line-length", "Kestrel.Limits.MaxRequestLineSize")));
	}

	private static void assertInvalid(String key, String property, String value) {
		assertThatExceptionOfType(KestrelConfigurationException.class).as(property + "=" + value)
			.isThrownBy(() -> load(property, value))
			.satisfies((ex) -> {
				assertThat(ex.getConfigurationKey()).isEqualTo(key);
				assertThat(ex.getProblem().description()).startsWith("The limit '" + key + "' has an invalid value");
			});
	}

	private static KestrelServerOptions load(String... properties) {
		KestrelSettings settings = KestrelConfigurationReader
			.read(TestEnvironments.create().applicationConfig(properties).build());
		KestrelServerOptions options = new KestrelServerOptions();
		options.configure(settings.configuration());
		return options;
	}

}
