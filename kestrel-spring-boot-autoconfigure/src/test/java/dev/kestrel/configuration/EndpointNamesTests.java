package dev.kestrel.configuration;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.internal.binding.AddressBinder;
import dev.kestrel.options.KestrelServerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link EndpointNames}: one rule for endpoint names, whether they come from
 * configuration or code.
 */
class EndpointNamesTests {

	@Test
	void namesEqualIgnoringCaseAndPunctuationAreOneName() {
		assertThat(EndpointNames.uniform("My-Api")).isEqualTo(EndpointNames.uniform("myapi"))
			.isEqualTo(EndpointNames.uniform("MY_API"));
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> EndpointNames.checkDistinct(List.of("Http", "my-api", "MyApi"),
					(group) -> "kestrel.endpoints." + group.get(0)))
			.satisfies((ex) -> {
				assertThat(ex.getProblem())
					.isEqualTo(ConfigurationMessages.duplicateEndpointNames(List.of("my-api", "MyApi")));
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.my-api");
			});
		assertThatNoException().isThrownBy(() -> EndpointNames.checkDistinct(List.of("Http", "Https"), null));
	}

	@Test
	void codeEndpointsFollowTheSameRuleAsConfiguration() {
		KestrelServerOptions options = new KestrelServerOptions();
		options.listenLocalhost(9001, (listen) -> listen.name("my-api"));
		options.listenLocalhost(9002, (listen) -> listen.name("MyApi"));
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> AddressBinder.plan(options, HostingAddresses.NONE))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(ConfigurationMessages.duplicateEndpointNames(List.of("my-api", "MyApi"))));
	}

}
