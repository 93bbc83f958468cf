package dev.kestrel.options;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.hosting.ServerAddresses;
import dev.kestrel.hosting.ServerAddresses.EndpointAddress;
import dev.kestrel.testing.Causes;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration loader and options as Kestrel's "Configure endpoints" page uses them:
 * {@code configure("Section")}, the endpoint's own section in {@code endpoint(name, cb)},
 * the unnamed loader endpoints, the server addresses for port 0 and
 * {@code kestrel.prefer-hosting-urls} — each on a real server, with the JDK client.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationLoaderParityIntegrationTests {

	@TempDir
	Path directory;

	// ---------------------------------------------------------------- endpoint sections

	@Test
	void theEndpointCallbackReadsTheEndpointsCustomKeys() {
		AtomicReference<String> region = new AtomicReference<>();
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Http.Region=eu-west", "Kestrel.Endpoints.Http.Custom.Tier=gold")
			.withBean(KestrelServerOptionsCustomizer.class,
					() -> (options) -> options.configure().endpoint("HTTP", (endpoint) -> {
						region.set(endpoint.section().get("region").orElseThrow());
						assertThat(endpoint.section().get("Custom.Tier")).hasValue("gold");
						endpoint.listenOptions().protocols(HttpProtocols.HTTP1);
					}))
			.run((context) -> {
				assertThat(context.getStartupFailure()).isNull();
				assertThat(region).hasValue("eu-west");
				assertThat(TestServers.get("http://127.0.0.1:" + port(context, "Http") + "/").body())
					.isEqualTo("Http HTTP/1.1");
			});
	}

	@Test
	void aCustomKeyThatNoCallbackReadsFailsStartupNamingIt() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Http.Region=eu-west")
			.run((context) -> {
				KestrelConfigurationException failure = Causes.find(context.getStartupFailure(),
						KestrelConfigurationException.class);
				assertThat(failure.getConfigurationKey()).isEqualTo("kestrel.endpoints.Http.Region");
				assertThat(failure.getProblem())
					.isEqualTo(ConfigurationMessages.unknownKeys(List.of("kestrel.endpoints.Http.Region")));
			});
	}

	@Test
	void aMisspeltKnownKeyFailsEvenWhenTheCallbackReadsIt() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Http.Protocol=Http1")
			.withBean(KestrelServerOptionsCustomizer.class,
					() -> (options) -> options.configure()
						.endpoint("Http", (endpoint) -> endpoint.section().get("Protocol")))
			.run((context) -> assertThat(
					Causes.find(context.getStartupFailure(), KestrelConfigurationException.class).getConfigurationKey())
				.isEqualTo("kestrel.endpoints.http.protocol"));
	}

	// ----------------------------------------------------------------
	// configure("Section")

	@Test
	void configureWithASectionNameLoadsThatSectionInsteadOfKestrel() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Dropped.Url=http://127.0.0.1:0",
					"MyKestrel.EndpointDefaults.Protocols=Http1", "MyKestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"MyKestrel.Endpoints.Api.Region=eu")
			.withBean(KestrelServerOptionsCustomizer.class,
					() -> (options) -> options.configure("MyKestrel")
						.endpoint("Api", (endpoint) -> endpoint.section().get("Region")))
			.run((context) -> {
				assertThat(context.getStartupFailure()).isNull();
				assertThat(context.getBean(ServerAddresses.class).getEndpoints()).extracting(EndpointAddress::name)
					.containsExactly("Api");
				assertThat(TestServers.get("http://127.0.0.1:" + port(context, "Api") + "/").body())
					.isEqualTo("Api HTTP/1.1");
			});
	}

	@Test
	void configuringAnotherSectionAfterLoadKeepsTheLoadedEndpoints() {
		TestServers.runner()
			.withPropertyValues("First.Endpoints.One.Url=http://127.0.0.1:0",
					"Second.Endpoints.Two.Url=http://127.0.0.1:0")
			.withBean(KestrelServerOptionsCustomizer.class, () -> (options) -> {
				options.configure("First").load();
				options.configure("Second");
			})
			.run((context) -> {
				assertThat(context.getStartupFailure()).isNull();
				assertThat(context.getBean(ServerAddresses.class).getEndpoints()).extracting(EndpointAddress::name)
					.containsExactly("One", "Two");
			});
	}

	@Test
	void aReplacedLoadersEndpointsAndCallbacksNeverRun() {
		List<String> ran = new ArrayList<>();
		TestServers.runner()
			.withPropertyValues("First.Endpoints.One.Url=http://127.0.0.1:0",
					"Second.Endpoints.Two.Url=http://127.0.0.1:0")
			.withBean(KestrelServerOptionsCustomizer.class, () -> (options) -> {
				options.configure("First")
					.endpoint("One", (endpoint) -> ran.add("One"))
					.endpoint(InetAddress.getLoopbackAddress(), 0, (listen) -> ran.add("code"));
				options.configure("Second");
			})
			.run((context) -> {
				assertThat(context.getBean(ServerAddresses.class).getEndpoints()).extracting(EndpointAddress::name)
					.containsExactly("Two");
				assertThat(ran).isEmpty();
			});
	}

	@Test
	void aSectionIsValidatedAsStrictlyAsKestrelAndErrorsNameItsKeys() {
		TestServers.runner()
			.withPropertyValues("MyKestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"MyKestrel.Endpoints.Api.Certificate.Passwrd=x")
			.withBean(KestrelServerOptionsCustomizer.class, () -> (options) -> options.configure("MyKestrel"))
			.run((context) -> assertThat(
					Causes.find(context.getStartupFailure(), KestrelConfigurationException.class).getConfigurationKey())
				.isEqualToIgnoringCase("MyKestrel.endpoints.api.certificate.passwrd"));
		TestServers.runner()
			.withPropertyValues("MyKestrel.Endpoints.Api.Url=http://127.0.0.1:0", "MyKestrel.CleartextHttp2=false")
			.withBean(KestrelServerOptionsCustomizer.class, () -> (options) -> options.configure("MyKestrel"))
			.run((context) -> assertThat(
					Causes.find(context.getStartupFailure(), KestrelConfigurationException.class).getConfigurationKey())
				.isEqualTo("MyKestrel.CleartextHttp2"));
	}

	// ---------------------------------------------------------------- unnamed endpoints

	@Test
	@RequiresTools("curl")
	void theLoadersUnnamedEndpointsAreCodeEndpointsAddedAtLoad() {
		String socket = this.directory.resolve("loader.sock").toString();
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Http.Url=http://127.0.0.1:0")
			.withBean(KestrelServerOptionsCustomizer.class,
					() -> (options) -> options.configure()
						.endpoint(InetAddress.getLoopbackAddress(), 0,
								(listen) -> listen.protocols(HttpProtocols.HTTP1))
						.unixSocketEndpoint(socket))
			.run((context) -> {
				assertThat(context.getStartupFailure()).isNull();
				ServerAddresses addresses = context.getBean(ServerAddresses.class);
				assertThat(addresses.getEndpoints()).extracting(EndpointAddress::name)
					.containsExactly("code-0", "code-1", "Http");
				assertThat(TestServers
					.get("http://127.0.0.1:" + addresses.getEndpoint("code-0").orElseThrow().port() + "/")
					.body()).isEqualTo("code-0 HTTP/1.1");
				assertThat(TestServers.curl("--unix-socket", socket, "http://localhost/").output())
					.isEqualTo("code-1 HTTP/1.1");
			});
	}

	// ---------------------------------------------------------------- port 0

	@Test
	void serverAddressesListEveryEndpointWithItsRealPort() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0",
					"Kestrel.Endpoints.Admin.Url=http://[::1]:0")
			.run((context) -> {
				ServerAddresses addresses = context.getBean(ServerAddresses.class);
				EndpointAddress api = addresses.getEndpoint("api").orElseThrow();
				assertThat(api.port()).isPositive();
				assertThat(api.url()).isEqualTo("http://127.0.0.1:" + api.port());
				EndpointAddress admin = addresses.getEndpoint("Admin").orElseThrow();
				assertThat(admin.url()).isEqualTo("http://[::1]:" + admin.port());
				assertThat(addresses.getAddresses()).containsExactly(api.url(), admin.url());
				assertThat(TestServers.get(api.url() + "/").body()).isEqualTo("Api HTTP/1.1");
				assertThat(TestServers.get(admin.url() + "/").body()).isEqualTo("Admin HTTP/1.1");
			});
	}

	// ---------------------------------------------------------------- prefer hosting
	// urls

	@Test
	void preferHostingUrlsBindsTheUrlsInsteadOfTheEndpoints(CapturedOutput output) {
		int port = TestServers.freePort();
		TestServers.runner()
			.withPropertyValues("kestrel.prefer-hosting-urls=true", "urls=http://127.0.0.1:" + port,
					"Kestrel.Endpoints.Api.Url=http://127.0.0.1:0")
			.run((context) -> {
				assertThat(context.getStartupFailure()).isNull();
				assertThat(context.getBean(ServerAddresses.class).getAddresses())
					.containsExactly("http://127.0.0.1:" + port);
				assertThat(TestServers.get("http://127.0.0.1:" + port + "/").body()).isEqualTo("url-0 HTTP/1.1");
				assertThat(output)
					.contains(BindingMessages.overridingWithPreferHostingUrls(List.of("http://127.0.0.1:" + port)));
			});
	}

	private static int port(AssertableReactiveWebApplicationContext context, String endpoint) {
		return context.getBean(ServerAddresses.class).getEndpoint(endpoint).orElseThrow().port();
	}

}
