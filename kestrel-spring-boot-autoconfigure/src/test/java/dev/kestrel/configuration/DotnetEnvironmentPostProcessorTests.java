package dev.kestrel.configuration;

import java.util.List;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.KestrelConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DotnetEnvironmentPostProcessor}: .NET-style
 * {@code Kestrel__Endpoints__Http__Url} variables.
 */
class DotnetEnvironmentPostProcessorTests {

	private final DotnetEnvironmentPostProcessor postProcessor = new DotnetEnvironmentPostProcessor();

	@ParameterizedTest
	@ValueSource(strings = { "Kestrel__Endpoints__Http__Url", "ASPNETCORE_Kestrel__Endpoints__Http__Url",
			"DOTNET_Kestrel__Endpoints__Http__Url", "aspnetcore_Kestrel__Endpoints__Http__Url" })
	void doubleUnderscoreVariableBecomesAKestrelProperty(String variable) {
		ConfigurableEnvironment environment = TestEnvironments.create()
			.environmentVariables(variable, "http://127.0.0.1:8080")
			.build();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		PropertySource<?> source = dotnet(environment);
		assertThat(source).isNotNull();
		assertThat(source.getProperty("Kestrel.Endpoints.Http.Url")).isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void sourceSitsRightAfterTheEnvironmentVariables() {
		ConfigurableEnvironment environment = TestEnvironments.create()
			.environmentVariables("ASPNETCORE_Kestrel__Endpoints__Http__Url", "http://127.0.0.1:8080")
			.applicationConfig("x", "y")
			.build();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		List<String> names = environment.getPropertySources().stream().map(PropertySource::getName).toList();
		String aspnetcore = DotnetEnvironmentPostProcessor.PROPERTY_SOURCE_NAME + "-aspnetcore";
		assertThat(names.indexOf(aspnetcore))
			.isEqualTo(names.indexOf(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME) + 1);
		assertThat(names.indexOf(aspnetcore)).isLessThan(names.indexOf(TestEnvironments.APPLICATION_CONFIG));
	}

	@Test
	void nestedKeysKeepTheirStructure() {
		ConfigurableEnvironment environment = TestEnvironments.create()
			.environmentVariables("Kestrel__EndpointDefaults__Protocols", "Http1", "DOTNET_Kestrel__Urls",
					"http://*:80")
			.build();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		PropertySource<?> source = dotnet(environment);
		assertThat(source.getProperty("Kestrel.EndpointDefaults.Protocols")).isEqualTo("Http1");
		assertThat(source.getProperty("Kestrel.Urls")).isEqualTo("http://*:80");
	}

	@Test
	void otherVariablesAddNoSource() {
		ConfigurableEnvironment environment = TestEnvironments.create()
			.environmentVariables("ASPNETCORE_URLS", "http://*:80", "KESTREL_ENDPOINTS_HTTP_URL", "http://*:81",
					"Logging__LogLevel__Default", "Debug", "ASPNETCORE_ENVIRONMENT", "Development")
			.build();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DotnetEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void withoutEnvironmentVariablesNothingHappens() {
		ConfigurableEnvironment environment = TestEnvironments.create().build();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DotnetEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void isRegisteredAsAnEnvironmentPostProcessor() {
		// other post-processors need constructor arguments that only Spring Boot
		// supplies: skip them
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(EnvironmentPostProcessor.class, null, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(DotnetEnvironmentPostProcessor.class);
	}

	@Test
	void dotnetVariableBecomesAnEndpointOfARealApplication() {
		KestrelConfig configuration = KestrelTestApplications.run(TestEnvironments.create()
			.environmentVariables("ASPNETCORE_Kestrel__Endpoints__Http__Url", "http://127.0.0.1:8080",
					"DOTNET_Kestrel__Endpoints__Http__Protocols", "Http1")
			.build());
		assertThat(configuration.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.name()).isEqualTo("Http");
			assertThat(endpoint.url()).isEqualTo("http://127.0.0.1:8080");
			assertThat(endpoint.protocols()).isEqualTo("Http1");
		});
	}

	@Test
	void dotnetVariableOverridesApplicationConfigKeepingOneEndpoint() {
		KestrelConfig configuration = KestrelTestApplications.run(TestEnvironments.create()
			.environmentVariables("Kestrel__Endpoints__Http__Url", "http://127.0.0.1:9090")
			.applicationConfig("Kestrel.Endpoints.Http.Url", "http://127.0.0.1:8080",
					"Kestrel.Endpoints.Http.Protocols", "Http2")
			.build());
		assertThat(configuration.endpoints()).singleElement()
			.extracting(EndpointConfig::name, EndpointConfig::url, EndpointConfig::protocols)
			.containsExactly("Http", "http://127.0.0.1:9090", "Http2");
	}

	@Test
	void endpointNameWithAnUnderscoreIsKept() {
		KestrelConfig configuration = KestrelTestApplications.run(TestEnvironments.create()
			.environmentVariables("Kestrel__Endpoints__Internal_Api__Url", "http://127.0.0.1:9090")
			.build());
		assertThat(configuration.endpoints()).singleElement()
			.extracting(EndpointConfig::name, EndpointConfig::url)
			.containsExactly("Internal_Api", "http://127.0.0.1:9090");
	}

	// BUG: ASPNETCORE_Kestrel__X, DOTNET_Kestrel__X and Kestrel__X all become the same
	// key in one map, so which value
	// wins depends on the iteration order of the process environment (a HashMap in the
	// JDK), not on a documented
	// rule. (.NET gives them distinct configuration providers; unprefixed variables are
	// added last and win.)
	@Test
	void unprefixedVariableWinsOverPrefixedOnesWhateverTheirOrder() {
		for (boolean prefixedFirst : new boolean[] { true, false }) {
			String[] prefixed = { "ASPNETCORE_Kestrel__Endpoints__Http__Url", "http://127.0.0.1:1000" };
			String[] unprefixed = { "Kestrel__Endpoints__Http__Url", "http://127.0.0.1:2000" };
			String[] first = prefixedFirst ? prefixed : unprefixed;
			String[] second = prefixedFirst ? unprefixed : prefixed;
			ConfigurableEnvironment environment = TestEnvironments.create()
				.environmentVariables(first[0], first[1], second[0], second[1])
				.build();
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(dotnet(environment).getProperty("Kestrel.Endpoints.Http.Url"))
				.as("prefixed variable first: %s", prefixedFirst)
				.isEqualTo("http://127.0.0.1:2000");
		}
	}

	// BUG: in .NET, ASPNETCORE_-prefixed and unprefixed variables are separate
	// configuration sources that merge
	// case-insensitively. The post-processor folds them into ONE property source, so
	// EndpointNames' "two spellings in
	// one source" rule rejects Kestrel__Endpoints__Http__Url +
	// ASPNETCORE_Kestrel__Endpoints__HTTP__Protocols as
	// duplicate endpoint names.
	@Test
	void prefixedAndUnprefixedVariablesInDifferentCaseAreOneEndpoint() {
		KestrelConfig configuration = KestrelTestApplications.run(TestEnvironments.create()
			.environmentVariables("Kestrel__Endpoints__Http__Url", "http://127.0.0.1:9090",
					"ASPNETCORE_Kestrel__Endpoints__HTTP__Protocols", "Http1")
			.build());
		assertThat(configuration.endpoints()).singleElement()
			.extracting(EndpointConfig::url, EndpointConfig::protocols)
			.containsExactly("http://127.0.0.1:9090", "Http1");
	}

	/** All the .NET-variable sources, highest precedence first, as one source. */
	private static PropertySource<?> dotnet(ConfigurableEnvironment environment) {
		org.springframework.core.env.CompositePropertySource composite = new org.springframework.core.env.CompositePropertySource(
				"dotnet");
		environment.getPropertySources()
			.stream()
			.filter((source) -> source.getName().startsWith(DotnetEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.forEach(composite::addPropertySource);
		return composite.getPropertySources().isEmpty() ? null : composite;
	}

}
