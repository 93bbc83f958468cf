package dev.kestrel.autoconfigure;

import dev.kestrel.testing.Causes;
import dev.kestrel.configuration.KestrelSettings;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.reactive.ReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.autoconfigure.diagnostics.KestrelConfigurationFailureAnalyzer;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.options.EndpointConfiguration;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.internal.server.KestrelReactiveWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KestrelAutoConfiguration}, without starting a server.
 */
class KestrelAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(KestrelAutoConfiguration.class, NettyReactiveWebServerAutoConfiguration.class));

	@Test
	void factoryIsKestrels() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveWebServerFactory.class);
			assertThat(context.getBean(ReactiveWebServerFactory.class))
				.isExactlyInstanceOf(KestrelReactiveWebServerFactory.class);
			assertThat(context).hasSingleBean(KestrelServerOptions.class);
			assertThat(context).hasSingleBean(KestrelSettings.class);
			assertThat(context).hasSingleBean(ReactorResourceFactory.class);
		});
	}

	@Test
	void factoryDoesNotDependOnTheOrderOfAutoConfigurations() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class,
					KestrelAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(ReactiveWebServerFactory.class))
				.isExactlyInstanceOf(KestrelReactiveWebServerFactory.class));
	}

	@Test
	void userFactoryWins() {
		this.contextRunner.withUserConfiguration(UserFactoryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveWebServerFactory.class);
			assertThat(context.getBean(ReactiveWebServerFactory.class))
				.isSameAs(context.getBean("userFactory", ReactiveWebServerFactory.class));
			assertThat(context).doesNotHaveBean(KestrelReactiveWebServerFactory.class);
		});
	}

	@Test
	void disabledKestrelLeavesBootsNettyFactory() {
		this.contextRunner.withPropertyValues("kestrel.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ReactiveWebServerFactory.class);
			assertThat(context.getBean(ReactiveWebServerFactory.class))
				.isExactlyInstanceOf(NettyReactiveWebServerFactory.class);
			assertThat(context).doesNotHaveBean(KestrelServerOptions.class);
			assertThat(context).doesNotHaveBean(KestrelSettings.class);
		});
	}

	@Test
	void disabledKestrelIgnoresItsSection() {
		this.contextRunner.withPropertyValues("Kestrel.Enabled=false", "Kestrel.Limits.MaxRequestBodySize=10")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ReactiveWebServerFactory.class))
					.isExactlyInstanceOf(NettyReactiveWebServerFactory.class);
			});
	}

	@Test
	void nonReactiveApplicationGetsNoKestrel() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KestrelAutoConfiguration.class,
					NettyReactiveWebServerAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(KestrelServerOptions.class);
				assertThat(context).doesNotHaveBean(ReactiveWebServerFactory.class);
			});
	}

	@Test
	void withoutReactorNettyThereIsNoKestrel() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpServer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(KestrelServerOptions.class));
	}

	@Test
	void serverOptionsCarryTheKestrelSection() {
		this.contextRunner
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:8080",
					"Kestrel.Endpoints.Http.Protocols=Http1")
			.run((context) -> {
				KestrelServerOptions options = context.getBean(KestrelServerOptions.class);
				assertThat(options.getConfigurationLoader()).isNotNull();
				assertThat(options.getConfigurationLoader().getConfiguration().endpoints()).singleElement()
					.extracting(EndpointConfig::name, EndpointConfig::url, EndpointConfig::protocols)
					.containsExactly("Http", "http://127.0.0.1:8080", "Http1");
			});
	}

	@Test
	void customizersRunInOrder() {
		this.contextRunner.withUserConfiguration(OrderedCustomizersConfiguration.class).run((context) -> {
			KestrelServerOptions options = context.getBean(KestrelServerOptions.class);
			assertThat(options.getCodeListenOptions()).extracting(ListenOptions::getName)
				.containsExactly("first", "second", "third");
		});
	}

	@Test
	void customizersSeeTheConfigurationAndCanSupplementNamedEndpoints() {
		this.contextRunner.withUserConfiguration(EndpointCallbackConfiguration.class)
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:8080")
			.run((context) -> {
				KestrelServerOptions options = context.getBean(KestrelServerOptions.class);
				List<ListenOptions> endpoints = options.getConfigurationLoader().load();
				assertThat(endpoints).extracting(ListenOptions::getName).containsExactly("Api");
				assertThat(context.getBean(EndpointCallbackConfiguration.class).seen).containsExactly("Api");
			});
	}

	@Test
	void userServerOptionsBeanIsUsedAsIs() {
		this.contextRunner.withUserConfiguration(UserOptionsConfiguration.class)
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:8080")
			.run((context) -> {
				assertThat(context).hasSingleBean(KestrelServerOptions.class);
				KestrelServerOptions options = context.getBean(KestrelServerOptions.class);
				assertThat(options.getCodeListenOptions()).extracting(ListenOptions::getPort).containsExactly(7000);
				assertThat(options.getConfigurationLoader()).isNull();
				assertThat(context.getBean(ReactiveWebServerFactory.class))
					.isInstanceOf(KestrelReactiveWebServerFactory.class);
			});
	}

	@Test
	void nettyServerCustomizerBeansApply() {
		this.contextRunner.withUserConfiguration(NettyCustomizerConfiguration.class).run((context) -> {
			KestrelReactiveWebServerFactory factory = context.getBean(KestrelReactiveWebServerFactory.class);
			assertThat(factory.getServerCustomizers()).contains(context.getBean(NettyServerCustomizer.class));
		});
	}

	@Test
	void springBootsServerPropertiesStillApplyToTheFactory() {
		this.contextRunner.withPropertyValues("server.shutdown=immediate")
			.run((context) -> assertThat(context.getBean(KestrelReactiveWebServerFactory.class).getShutdown())
				.isEqualTo(Shutdown.IMMEDIATE));
	}

	// Regression: server.address used to be read with Environment.getProperty(name,
	// InetAddress.class), which failed
	// on environments without a String-to-InetAddress converter; the factory now receives
	// it from Spring Boot.
	@Test
	void serverPortAndServerAddressAreAccepted() {
		this.contextRunner.withPropertyValues("server.port=8080", "server.address=127.0.0.1")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(KestrelReactiveWebServerFactory.class));
	}

	@Test
	void unknownKestrelKeyFailsStartup() {
		this.contextRunner.withPropertyValues("Kestrel.Endpoints.Http.Ulr=http://*:80")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void duplicateEndpointNamesFailStartupWithAnAnalysis() {
		this.contextRunner
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://*:80", "Kestrel.Endpoints.HTTP.Url=http://*:81")
			.run((context) -> {
				assertThat(context).hasFailed();
				KestrelConfigurationException cause = Causes.find(context.getStartupFailure(),
						KestrelConfigurationException.class);
				FailureAnalysis analysis = new KestrelConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(cause.getProblem().description())
					.contains("'" + cause.getEndpointName() + "'")
					.contains(cause.getConfigurationKey());
				assertThat(analysis.getAction()).isEqualTo(cause.getProblem().action());
			});
	}

	@Test
	void unsupportedKeyFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("Kestrel.Certificates.Development.Password=secret").run((context) -> {
			assertThat(context).hasFailed();
			KestrelConfigurationException cause = Causes.find(context.getStartupFailure(),
					KestrelConfigurationException.class);
			assertThat(cause.getEndpointName()).isNull();
			assertThat(cause.getConfigurationKey()).isEqualTo("kestrel.certificates.development.password");
			assertThat(cause.getProblem())
				.isEqualTo(ConfigurationMessages.notSupportedYet("kestrel.certificates.development.password"));
		});
	}

	@Test
	void unknownCertificateNameFailsStartup() {
		this.contextRunner.withPropertyValues("Kestrel.Certificates.Fallback.Path=server.pfx")
			.run((context) -> assertThat(
					Causes.find(context.getStartupFailure(), KestrelConfigurationException.class).getProblem())
				.isEqualTo(ConfigurationMessages.unknownKey("kestrel.certificates.Fallback")));
	}

	@Test
	void limitsThatCannotBeHonouredYetFailStartupNamingTheKey() {
		this.contextRunner
			.withPropertyValues("Kestrel.Limits.MinRequestBodyDataRate.BytesPerSecond=100",
					"Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.run((context) -> assertThatExceptionOfType(KestrelConfigurationException.class)
				.isThrownBy(() -> context.getBean(KestrelReactiveWebServerFactory.class)
					.getWebServer((request, response) -> response.setComplete()))
				.satisfies((ex) -> assertThat(ex.getConfigurationKey())
					.isEqualTo("kestrel.limits.min-request-body-data-rate")));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFactoryConfiguration {

		@Bean
		NettyReactiveWebServerFactory userFactory() {
			return new NettyReactiveWebServerFactory(0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizersConfiguration {

		@Bean
		@Order(3)
		KestrelServerOptionsCustomizer third() {
			return (options) -> options.listenAnyIP(3003, (listen) -> listen.name("third"));
		}

		@Bean
		@Order(1)
		KestrelServerOptionsCustomizer first() {
			return (options) -> options.listenAnyIP(3001, (listen) -> listen.name("first"));
		}

		@Bean
		OrderedCustomizer second() {
			return new OrderedCustomizer();
		}

	}

	static class OrderedCustomizer implements KestrelServerOptionsCustomizer, Ordered {

		@Override
		public void customize(KestrelServerOptions options) {
			options.listenAnyIP(3002, (listen) -> listen.name("second"));
		}

		@Override
		public int getOrder() {
			return 2;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EndpointCallbackConfiguration {

		final List<String> seen = new ArrayList<>();

		@Bean
		KestrelServerOptionsCustomizer endpointCallback() {
			return (options) -> {
				assertThat(options.getConfigurationLoader().getConfiguration().endpoints()).hasSize(1);
				options.configure()
					.endpoint("api",
							(EndpointConfiguration endpoint) -> this.seen.add(endpoint.listenOptions().getName()));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOptionsConfiguration {

		@Bean
		KestrelServerOptions userOptions() {
			KestrelServerOptions options = new KestrelServerOptions();
			options.listenAnyIP(7000);
			return options;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NettyCustomizerConfiguration {

		@Bean
		NettyServerCustomizer wiretap() {
			return (server) -> server.wiretap(false);
		}

	}

}
