package dev.kestrel.internal.binding;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import dev.kestrel.options.BindingAddress;
import dev.kestrel.options.EndpointKind;
import dev.kestrel.options.EndpointSource;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.ListenOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlannedEndpoint}: random ports for tests change only what the server
 * binds, never the options.
 */
class PlannedEndpointTests {

	@Test
	void localhostOnARandomPortIsTheLoopbackAddressOnPortZeroAndTheOptionsStayAsTheyWere() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("https://localhost:5001"),
				EndpointSource.CONFIGURATION);
		options.name("Https").protocols(HttpProtocols.HTTP2).disableAltSvcHeader(true);
		PlannedEndpoint planned = PlannedEndpoint.onRandomPort(options);
		assertThat(planned.options()).isSameAs(options);
		assertThat(planned.kind()).isEqualTo(EndpointKind.IP);
		assertThat(planned.address()).isEqualTo(InetAddress.getLoopbackAddress());
		assertThat(planned.port()).isZero();
		assertThat(planned.name()).isEqualTo("Https");
		assertThat(planned.displayName()).isEqualTo("https://127.0.0.1:0");
		assertThat(options.getKind()).isEqualTo(EndpointKind.LOCALHOST);
		assertThat(options.getPort()).isEqualTo(5001);
		assertThat(options.isDisableAltSvcHeader()).isTrue();
		assertThat(options.getProtocols()).isEqualTo(HttpProtocols.HTTP2);
		assertThat(options.isProtocolsSetExplicitly()).isTrue();
		assertThat(options.getSource()).isEqualTo(EndpointSource.CONFIGURATION);
	}

	@Test
	void randomPortKeepsTheAddressOfIpAndAnyIpEndpoints() throws Exception {
		PlannedEndpoint ip = PlannedEndpoint
			.onRandomPort(ListenOptions.fromAddress(BindingAddress.parse("http://[::1]:5000"), EndpointSource.URLS));
		assertThat(ip.kind()).isEqualTo(EndpointKind.IP);
		assertThat(ip.address()).isEqualTo(InetAddress.getByName("::1"));
		assertThat(ip.port()).isZero();
		assertThat(ip.displayName()).isEqualTo("http://[::1]:0");
		PlannedEndpoint anyIp = PlannedEndpoint
			.onRandomPort(ListenOptions.fromAddress(BindingAddress.parse("http://*:8080"), EndpointSource.URLS));
		assertThat(anyIp.kind()).isEqualTo(EndpointKind.ANY_IP);
		assertThat(anyIp.port()).isZero();
		assertThat(anyIp.displayName()).isEqualTo("http://[::]:0");
	}

	@Test
	void randomPortLeavesUnixSocketsAndPortZeroAlone() {
		ListenOptions unix = ListenOptions.fromAddress(BindingAddress.parse("http://unix:/tmp/k.sock"),
				EndpointSource.URLS);
		assertThat(PlannedEndpoint.onRandomPort(unix)).isEqualTo(PlannedEndpoint.of(unix));
		ListenOptions zero = ListenOptions.fromAddress(BindingAddress.parse("http://127.0.0.1:0"), EndpointSource.URLS);
		assertThat(PlannedEndpoint.onRandomPort(zero)).isEqualTo(PlannedEndpoint.of(zero));
	}

	@Test
	void plannedAtItsConfiguredAddressTheDisplayNameIsTheOptionsOne() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("http://api.localhost:5000"),
				EndpointSource.CODE);
		assertThat(PlannedEndpoint.of(options).displayName()).isEqualTo(options.getDisplayName());
	}

}
