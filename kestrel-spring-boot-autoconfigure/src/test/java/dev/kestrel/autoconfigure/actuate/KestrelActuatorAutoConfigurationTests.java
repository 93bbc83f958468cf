package dev.kestrel.autoconfigure.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;

import dev.kestrel.internal.metrics.ConnectionMetrics;
import dev.kestrel.internal.metrics.KestrelMeters;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.testing.TestServers.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint, health contributor and meters need Actuator and Micrometer: without them
 * the server starts and serves, and none of their classes is needed.
 */
class KestrelActuatorAutoConfigurationTests {

	@Test
	void withoutActuatorAndMicrometerTheServerServesAndNoEndpointHealthOrMetersAreCreated() {
		TestServers.runner()
			.withConfiguration(AutoConfigurations.of(KestrelActuatorAutoConfiguration.class,
					KestrelMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.actuate",
					"org.springframework.boot.health"))
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(ConnectionMetrics.class)
					.doesNotHaveBean("kestrelEndpoint")
					.doesNotHaveBean("kestrelHealthIndicator");
				int port = TestServers.server(context.getSourceApplicationContext()).getPort();
				assertThat(get("http://127.0.0.1:" + port + "/").body()).isEqualTo("Http HTTP/1.1");
			});
	}

	@Test
	void withMicrometerEveryEndpointGetsTheMetersUnlessKestrelMetricsEnabledIsFalse() {
		var runner = TestServers.runner()
			.withConfiguration(AutoConfigurations.of(KestrelMetricsAutoConfiguration.class))
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0");
		runner.run((context) -> assertThat(context).hasSingleBean(KestrelMeters.class));
		runner.withPropertyValues("kestrel.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConnectionMetrics.class));
	}

}
