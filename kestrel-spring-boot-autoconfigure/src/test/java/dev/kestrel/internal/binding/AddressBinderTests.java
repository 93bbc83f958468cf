package dev.kestrel.internal.binding;

import dev.kestrel.configuration.HostingAddresses;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.EndpointDefaultsConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.options.EndpointKind;
import dev.kestrel.options.EndpointSource;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.certificates.ServerCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AddressBinder}: which endpoints are bound (S1.3, S1.4) and how the
 * choice is reported.
 */
class AddressBinderTests {

	private final KestrelServerOptions options = new KestrelServerOptions();

	// ---------------------------------------------------------------- default

	@Test
	void withNothingConfiguredTheDefaultIsLocalhost5000() {
		BindingPlan plan = AddressBinder.plan(this.options, HostingAddresses.NONE);
		assertThat(plan.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.displayName()).isEqualTo(AddressBinder.DEFAULT_ADDRESS)
				.isEqualTo("http://localhost:5000");
			assertThat(endpoint.kind()).isEqualTo(EndpointKind.LOCALHOST);
			assertThat(endpoint.options().getSource()).isEqualTo(EndpointSource.DEFAULT);
			assertThat(endpoint.name()).isEqualTo("default");
		});
		assertThat(plan.warnings()).isEmpty();
		assertThat(plan.notes()).isEmpty();
	}

	@Test
	void anEmptyConfigurationSectionStillBindsTheDefault() {
		this.options.configure(KestrelConfig.EMPTY);
		assertThat(AddressBinder.plan(this.options, HostingAddresses.NONE).endpoints())
			.extracting((PlannedEndpoint e) -> e.options().getSource())
			.containsExactly(EndpointSource.DEFAULT);
	}

	@Test
	void endpointDefaultsApplyToTheDefaultAddress() {
		this.options.configureEndpointDefaults((listen) -> listen.protocols(HttpProtocols.HTTP1));
		assertThat(AddressBinder.plan(this.options, HostingAddresses.NONE).endpoints()).singleElement()
			.extracting((PlannedEndpoint e) -> e.options().getProtocols())
			.isEqualTo(HttpProtocols.HTTP1);
	}

	// ---------------------------------------------------------------- code and
	// configuration endpoints

	@Test
	void codeAndConfigurationEndpointsAddUpCodeFirst() {
		this.options.configure(config(EndpointConfig.of("Http", "http://127.0.0.1:8080"),
				EndpointConfig.of("Sock", "http://unix:/tmp/k.sock")));
		this.options.listenAnyIP(9000);
		this.options.listenLocalhost(9001, (listen) -> listen.name("admin"));
		BindingPlan plan = AddressBinder.plan(this.options, HostingAddresses.NONE);
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::name)
			.containsExactly("code-0", "admin", "Http", "Sock");
		assertThat(plan.endpoints()).extracting((PlannedEndpoint e) -> e.options().getSource())
			.containsExactly(EndpointSource.CODE, EndpointSource.CODE, EndpointSource.CONFIGURATION,
					EndpointSource.CONFIGURATION);
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName)
			.containsExactly("http://[::]:9000", "http://localhost:9001", "http://127.0.0.1:8080",
					"http://unix:/tmp/k.sock");
		assertThat(plan.warnings()).isEmpty();
	}

	@Test
	void configurationEndpointsReplaceUrlsWithKestrelsWarning() {
		this.options.configure(config(EndpointConfig.of("Http", "http://127.0.0.1:8080")));
		BindingPlan plan = AddressBinder.plan(this.options,
				urls("ASPNETCORE_URLS", "http://localhost:5000", "http://*:5001"));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::name).containsExactly("Http");
		assertThat(plan.warnings())
			.containsExactly(BindingMessages.overridingAddresses(List.of("http://localhost:5000", "http://*:5001")));
		assertThat(plan.warnings().get(0)).startsWith("Overriding address(es) 'http://localhost:5000, http://*:5001'.");
	}

	@Test
	void codeEndpointsReplaceUrlsWithKestrelsWarning() {
		this.options.listenAnyIP(9000);
		BindingPlan plan = AddressBinder.plan(this.options, urls("urls", "http://localhost:5000"));
		assertThat(plan.endpoints()).extracting((PlannedEndpoint e) -> e.options().getSource())
			.containsExactly(EndpointSource.CODE);
		assertThat(plan.warnings())
			.containsExactly(BindingMessages.overridingAddresses(List.of("http://localhost:5000")));
	}

	@Test
	void endpointsReplaceCodeUrlsWithKestrelsWarning() {
		this.options.listenAnyIP(9000);
		this.options.useUrls("http://localhost:5000");
		BindingPlan plan = AddressBinder.plan(this.options, urls("urls", "http://localhost:6000"));
		assertThat(plan.endpoints()).extracting((PlannedEndpoint e) -> e.options().getSource())
			.containsExactly(EndpointSource.CODE);
		assertThat(plan.warnings())
			.containsExactly(BindingMessages.overridingAddresses(List.of("http://localhost:5000")));
	}

	@Test
	void invalidUrlsAreNotParsedWhenEndpointsReplaceThem() {
		this.options.listenAnyIP(9000);
		BindingPlan plan = AddressBinder.plan(this.options, urls("urls", "ftp://nowhere"));
		assertThat(plan.endpoints()).hasSize(1);
		assertThat(plan.warnings()).containsExactly(BindingMessages.overridingAddresses(List.of("ftp://nowhere")));
	}

	// ---------------------------------------------------------------- address lists

	@Test
	void urlsAreBoundInOrderWithGeneratedNames() {
		BindingPlan plan = AddressBinder.plan(this.options,
				urls("urls", "http://localhost:5000", "http://127.0.0.1:5001", "http://unix:/tmp/k.sock"));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::name).containsExactly("url-0", "url-1", "url-2");
		assertThat(plan.endpoints()).extracting((PlannedEndpoint e) -> e.options().getSource())
			.containsOnly(EndpointSource.URLS);
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName)
			.containsExactly("http://localhost:5000", "http://127.0.0.1:5001", "http://unix:/tmp/k.sock");
		assertThat(plan.warnings()).isEmpty();
	}

	@Test
	void codeUrlsBeatEnvironmentUrls() {
		this.options.useUrls("http://127.0.0.1:7000");
		BindingPlan plan = AddressBinder.plan(this.options, urls("ASPNETCORE_URLS", "http://127.0.0.1:6000"));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName).containsExactly("http://127.0.0.1:7000");
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::name).containsExactly("url-0");
		assertThat(plan.warnings()).isEmpty();
	}

	@Test
	void endpointDefaultsApplyToUrls() {
		this.options.configure(new KestrelConfig(List.of(), new EndpointDefaultsConfig("Http2", null, null), null));
		BindingPlan plan = AddressBinder.plan(this.options, urls("urls", "http://*:5000"));
		assertThat(plan.endpoints()).singleElement()
			.extracting((PlannedEndpoint e) -> e.options().getProtocols())
			.isEqualTo(HttpProtocols.HTTP2);
	}

	@Test
	void invalidEnvironmentUrlFailsNamingTheSource() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> AddressBinder.plan(this.options, urls("ASPNETCORE_URLS", "http://*:5000", "ftp://x")))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(BindingMessages.unsupportedScheme("ftp://x"));
				assertThat(ex.getConfigurationKey()).isEqualTo("ASPNETCORE_URLS");
				assertThat(ex.getEndpointName()).isNull();
			});
	}

	@Test
	void invalidCodeUrlFailsNamingUseUrls() {
		this.options.useUrls("http://localhost:0");
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> AddressBinder.plan(this.options, HostingAddresses.NONE))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(BindingMessages.dynamicPortOnLocalhost());
				assertThat(ex.getConfigurationKey()).isEqualTo("code (useUrls)");
			});
	}

	@Test
	void invalidConfigurationEndpointFailsThePlan() {
		this.options.configure(config(EndpointConfig.of("Http", "http://*:abc")));
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> AddressBinder.plan(this.options, HostingAddresses.NONE))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(BindingMessages.invalidPort("http://*:abc", "abc"));
				assertThat(ex.getEndpointName()).isEqualTo("Http");
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Http.url");
			});
	}

	@Test
	void httpsUrlWithoutACertificateFailsNamingTheSource() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> AddressBinder.plan(this.options, urls("ASPNETCORE_URLS", "https://127.0.0.1:5001")))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(CertificateMessages.noCertificateSpecified());
				assertThat(ex.getConfigurationKey()).isEqualTo("ASPNETCORE_URLS");
			});
	}

	@Test
	void httpsUrlUsesTheHttpsDefaults() {
		ServerCertificate certificate = TestCertificates.selfSigned("localhost").toServerCertificate();
		this.options.configureHttpsDefaults((https) -> https.serverCertificate(certificate));
		BindingPlan plan = AddressBinder.plan(this.options, urls("urls", "https://127.0.0.1:5001"));
		assertThat(plan.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.options().isHttps()).isTrue();
			assertThat(endpoint.options().getHttpsOptions().getServerCertificate()).isSameAs(certificate);
			assertThat(endpoint.displayName()).isEqualTo("https://127.0.0.1:5001");
		});
	}

	// BUG: Kestrel reports an http:// address that ConfigureEndpointDefaults upgraded
	// with UseHttps as https://
	// (S1.5, test RegisterHttpAddress_UpgradedToHttpsByConfigureEndpointDefaults). The
	// endpoint is TLS here
	// (isHttps() is true) but its display name keeps http:// because
	// ListenOptions.getScheme() ignores useHttps.
	@Test
	void httpUrlUpgradedToHttpsByEndpointDefaultsIsReportedAsHttps() {
		ServerCertificate certificate = TestCertificates.selfSigned("localhost").toServerCertificate();
		this.options.configureEndpointDefaults((listen) -> listen.useHttps(certificate));
		BindingPlan plan = AddressBinder.plan(this.options, urls("urls", "http://127.0.0.1:5000"));
		assertThat(plan.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.options().isHttps()).isTrue();
			assertThat(endpoint.displayName()).isEqualTo("https://127.0.0.1:5000");
		});
	}

	// ---------------------------------------------------------------- server.port and
	// server.address

	@Test
	void urlsBeatServerPortWithAWarning() {
		BindingPlan plan = AddressBinder.plan(this.options,
				new HostingAddresses(List.of("http://127.0.0.1:5000"), "urls", 8080, null));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName).containsExactly("http://127.0.0.1:5000");
		assertThat(plan.warnings()).containsExactly(BindingMessages.overridingAddresses(List.of("server.port=8080")));
	}

	@Test
	void serverPortIsBoundOnEveryAddressWhenNothingElseIsSet() {
		BindingPlan plan = AddressBinder.plan(this.options, new HostingAddresses(List.of(), null, 8080, null));
		assertThat(plan.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.kind()).isEqualTo(EndpointKind.ANY_IP);
			assertThat(endpoint.port()).isEqualTo(8080);
			assertThat(endpoint.options().getSource()).isEqualTo(EndpointSource.SERVER_PORT);
			assertThat(endpoint.name()).isEqualTo("server");
		});
		assertThat(plan.warnings()).isEmpty();
		assertThat(plan.notes()).isEmpty();
	}

	@Test
	void serverAddressNarrowsServerPortToAnIpv4Address() throws Exception {
		BindingPlan plan = AddressBinder.plan(this.options,
				new HostingAddresses(List.of(), null, 8080, InetAddress.getByName("127.0.0.1")));
		assertThat(plan.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.kind()).isEqualTo(EndpointKind.IP);
			assertThat(endpoint.address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
			assertThat(endpoint.displayName()).isEqualTo("http://127.0.0.1:8080");
			assertThat(endpoint.name()).isEqualTo("server");
		});
	}

	@Test
	void serverAddressNarrowsServerPortToAnIpv6Address() throws Exception {
		BindingPlan plan = AddressBinder.plan(this.options,
				new HostingAddresses(List.of(), null, 8080, InetAddress.getByName("::1")));
		assertThat(plan.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.kind()).isEqualTo(EndpointKind.IP);
			assertThat(endpoint.address()).isEqualTo(InetAddress.getByName("::1"));
			assertThat(endpoint.displayName()).isEqualTo("http://[::1]:8080");
		});
	}

	@Test
	void serverAddressAnyIpv4IsThatAddressOnly() throws Exception {
		BindingPlan plan = AddressBinder.plan(this.options,
				new HostingAddresses(List.of(), null, 8080, InetAddress.getByName("0.0.0.0")));
		assertThat(plan.endpoints()).singleElement()
			.extracting(PlannedEndpoint::displayName)
			.isEqualTo("http://0.0.0.0:8080");
	}

	@Test
	void serverPortZeroWithNothingElseBindsADynamicPortOnEveryAddressWithoutANote() {
		BindingPlan plan = AddressBinder.plan(this.options, new HostingAddresses(List.of(), null, 0, null));
		assertThat(plan.endpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.kind()).isEqualTo(EndpointKind.ANY_IP);
			assertThat(endpoint.port()).isZero();
			assertThat(endpoint.name()).isEqualTo("server");
		});
		assertThat(plan.notes()).isEmpty();
		assertThat(plan.warnings()).isEmpty();
	}

	@Test
	void serverPortOverriddenByEndpointsIsReportedWithAWarning() {
		this.options.configure(config(EndpointConfig.of("Http", "http://127.0.0.1:5000")));
		BindingPlan plan = AddressBinder.plan(this.options, new HostingAddresses(List.of(), null, 8080, null));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::name).containsExactly("Http");
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::port).containsExactly(5000);
		assertThat(plan.warnings()).containsExactly(BindingMessages.overridingAddresses(List.of("server.port=8080")));
		assertThat(plan.notes()).isEmpty();
	}

	@Test
	void endpointsOverridingUrlsAndServerPortWarnAboutBoth() {
		this.options.listenAnyIP(9000);
		BindingPlan plan = AddressBinder.plan(this.options,
				new HostingAddresses(List.of("http://*:5000"), "urls", 8080, null));
		assertThat(plan.warnings()).containsExactly(BindingMessages.overridingAddresses(List.of("http://*:5000")),
				BindingMessages.overridingAddresses(List.of("server.port=8080")));
	}

	@Test
	void serverPortZeroTurnsEndpointsIntoDynamicPortsWithANote() {
		this.options.configure(config(EndpointConfig.of("Local", "http://localhost:5000"),
				EndpointConfig.of("Any", "http://*:5001"), EndpointConfig.of("Ip", "http://[::1]:5002"),
				EndpointConfig.of("Sock", "http://unix:/tmp/k.sock")));
		this.options.listenLocalhost(5003, (listen) -> listen.protocols(HttpProtocols.HTTP1));
		BindingPlan plan = AddressBinder.plan(this.options, new HostingAddresses(List.of(), null, 0, null));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::name)
			.containsExactly("code-0", "Local", "Any", "Ip", "Sock");
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName)
			.containsExactly("http://127.0.0.1:0", "http://127.0.0.1:0", "http://[::]:0", "http://[::1]:0",
					"http://unix:/tmp/k.sock");
		assertThat(plan.endpoints().get(0).options().getProtocols()).isEqualTo(HttpProtocols.HTTP1);
		assertThat(plan.notes()).containsExactly(BindingMessages.randomPortsForTests("server.port"));
		assertThat(plan.warnings()).isEmpty();
	}

	@Test
	void serverPortZeroTurnsUrlsIntoDynamicPorts() {
		BindingPlan plan = AddressBinder.plan(this.options,
				new HostingAddresses(List.of("http://localhost:5000", "http://*:5001"), "urls", 0, null));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName)
			.containsExactly("http://127.0.0.1:0", "http://[::]:0");
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::name).containsExactly("url-0", "url-1");
		assertThat(plan.notes()).containsExactly(BindingMessages.randomPortsForTests("server.port"));
	}

	@Test
	void serverPortZeroDoesNotRecreateTheConfiguredEndpoints() {
		this.options.configure(config(EndpointConfig.of("Http", "http://127.0.0.1:5000")));
		KestrelServerOptions options = this.options;
		BindingPlan plan = AddressBinder.plan(options, new HostingAddresses(List.of(), null, 0, null));
		assertThat(options.getConfigurationLoader().load()).singleElement()
			.extracting(ListenOptions::getPort)
			.isEqualTo(5000);
		assertThat(plan.endpoints()).singleElement().extracting(PlannedEndpoint::port).isEqualTo(0);
	}

	// ---------------------------------------------------------------- names and plan

	@Test
	void unnamedCodeEndpointsAreNumberedInOrder() {
		this.options.listenAnyIP(9000);
		this.options.listenAnyIP(9001, (listen) -> listen.name("named"));
		this.options.listenAnyIP(9002);
		assertThat(AddressBinder.plan(this.options, HostingAddresses.NONE).endpoints())
			.extracting(PlannedEndpoint::name)
			.containsExactly("code-0", "named", "code-1");
	}

	@Test
	void planIsImmutable() {
		BindingPlan plan = AddressBinder.plan(this.options, HostingAddresses.NONE);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> plan.endpoints().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> plan.warnings().add("x"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> plan.notes().add("x"));
	}

	@Test
	void argumentsAreRequired() {
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> AddressBinder.plan(null, HostingAddresses.NONE))
			.withMessage("options");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> AddressBinder.plan(this.options, null))
			.withMessage("hosting");
	}

	private static KestrelConfig config(EndpointConfig... endpoints) {
		return new KestrelConfig(List.of(endpoints), null, null);
	}

	private static HostingAddresses urls(String source, String... urls) {
		return new HostingAddresses(List.of(urls), source, null, null);
	}

}
