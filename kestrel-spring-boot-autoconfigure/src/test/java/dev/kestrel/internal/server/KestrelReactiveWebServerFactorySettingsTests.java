package dev.kestrel.internal.server;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.error.ErrorPage;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.server.reactive.HttpHandler;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the settings {@link KestrelReactiveWebServerFactory} inherits from Spring
 * Boot's Netty factory: each one is honoured on every endpoint or refused, none is
 * silently ignored.
 */
class KestrelReactiveWebServerFactorySettingsTests {

	/**
	 * Every public setter of the factory's Spring Boot superclasses and what the starter
	 * does with it. A Spring Boot upgrade that adds a setter fails
	 * {@link #everySetterOfSpringBootsFactoryIsHonouredOrRefused()} until it is added
	 * here (and implemented or refused).
	 */
	private static final Map<String, String> SETTERS = Map.ofEntries(Map.entry("setPort", "honoured"),
			Map.entry("setAddress", "honoured"), Map.entry("setCompression", "honoured"),
			Map.entry("setUseForwardHeaders", "honoured"), Map.entry("setServerHeader", "honoured"),
			Map.entry("setShutdown", "honoured"), Map.entry("setLifecycleTimeout", "honoured"),
			Map.entry("setResourceFactory", "honoured"), Map.entry("addRouteProviders", "honoured"),
			Map.entry("setServerCustomizers", "honoured"), Map.entry("addServerCustomizers", "honoured"),
			Map.entry("setSslBundles", "honoured: Certificate.Bundle reads the application's SslBundles"),
			Map.entry("setSsl", "refused when enabled"), Map.entry("setErrorPages", "refused when not empty"),
			Map.entry("addErrorPages", "refused"),
			Map.entry("setHttp2", "Kestrel's Protocols decide; server.http2.enabled=false is refused"));

	@Test
	void everySetterOfSpringBootsFactoryIsHonouredOrRefused() {
		Set<String> setters = new TreeSet<>();
		for (Class<?> type = NettyReactiveWebServerFactory.class; type != Object.class; type = type.getSuperclass()) {
			for (Method method : type.getDeclaredMethods()) {
				if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
						&& (method.getName().startsWith("set") || method.getName().startsWith("add"))) {
					setters.add(method.getName());
				}
			}
		}
		assertThat(setters).as("setters of Spring Boot's factory; add new ones to SETTERS with a decision")
			.containsExactlyInAnyOrderElementsOf(SETTERS.keySet());
	}

	@Test
	void portAndAddressReachTheBindingOnlyWhenSet() throws Exception {
		KestrelReactiveWebServerFactory factory = new KestrelReactiveWebServerFactory();
		assertThat(factory.hostingAddresses().serverPort()).isNull();
		assertThat(factory.hostingAddresses().serverAddress()).isNull();
		factory.setPort(9090);
		assertThat(factory.hostingAddresses().serverPort()).isEqualTo(9090);
		factory.setPort(0);
		assertThat(factory.hostingAddresses().serverPort()).as("random ports for tests").isZero();
	}

	@Test
	void addressWithoutPortListensOnSpringBootsDefaultPort() throws Exception {
		KestrelReactiveWebServerFactory factory = new KestrelReactiveWebServerFactory();
		factory.setAddress(InetAddress.getByName("127.0.0.1"));
		assertThat(factory.hostingAddresses().serverPort()).isEqualTo(8080);
		assertThat(factory.hostingAddresses().serverAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
	}

	@Test
	void errorPagesAreRefusedWhenTheServerStarts() {
		KestrelReactiveWebServerFactory factory = new KestrelReactiveWebServerFactory();
		factory.setServerOptions(new KestrelServerOptions());
		factory.addErrorPages(new ErrorPage("/oops"));
		HttpHandler handler = (request, response) -> response.setComplete();
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> factory.getWebServer(handler))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.errorPagesNotSupported()));
	}

	@Test
	void serverHeaderIsSentByEveryEndpoint() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.properties("Kestrel.Endpoints.One.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Two.Url=http://127.0.0.1:0",
					"server.server-header=Kestrel")
			.run()) {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (String name : new String[] { "One", "Two" }) {
				int port = context.getEnvironment().getProperty("local.kestrel." + name + ".port", Integer.class);
				HttpResponse<String> response = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.headers().firstValue("server")).hasValue("Kestrel");
			}
		}
	}

	@Test
	void serverHttp2DisabledFailsStartupNamingTheKestrelKey() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.One.Url=http://127.0.0.1:0", "server.http2.enabled=false")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(KestrelConfigurationException.class)
					.hasMessageContaining("server.http2.enabled")
					.satisfies((ex) -> assertThat(((KestrelConfigurationException) ex).getProblem().action())
						.contains("Kestrel.EndpointDefaults.Protocols"));
			});
	}

	@Test
	void serverHttp2EnabledIsAcceptedAsKestrelsDefault() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.One.Url=http://127.0.0.1:0", "server.http2.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
