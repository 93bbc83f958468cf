package dev.kestrel.internal.connections;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.kestrel.autoconfigure.diagnostics.KestrelConfigurationFailureAnalyzer;
import dev.kestrel.connections.IpNetwork;
import dev.kestrel.connections.ProxyProtocol;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.testing.Causes;
import dev.kestrel.testing.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The connection keys in configuration: where they apply, and how bad values fail.
 */
class ConnectionConfigurationTests {

	@Test
	void endpointDefaultsSetTheConnectionKeysOfEveryEndpointAndAnEndpointOverridesThem() {
		int a = TestServers.freePort();
		int b = TestServers.freePort();
		TestServers.runner()
			.withPropertyValues("Kestrel.EndpointDefaults.ProxyProtocol=Auto",
					"Kestrel.EndpointDefaults.TrustedProxies=10.0.0.0/8,127.0.0.1",
					"Kestrel.EndpointDefaults.ConnectionLogging=true", "Kestrel.Endpoints.A.Url=http://127.0.0.1:" + a,
					"Kestrel.Endpoints.B.Url=http://127.0.0.1:" + b, "Kestrel.Endpoints.B.ProxyProtocol=Off",
					"Kestrel.Endpoints.B.ConnectionLogging=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ListenOptions first = endpoint(context.getBean(KestrelServerOptions.class), "A");
				ListenOptions second = endpoint(context.getBean(KestrelServerOptions.class), "B");
				assertThat(first.getProxyProtocol()).isEqualTo(ProxyProtocol.AUTO);
				assertThat(first.getTrustedProxies()).containsExactly(IpNetwork.parse("10.0.0.0/8"),
						IpNetwork.parse("127.0.0.1"));
				assertThat(first.isConnectionLogging()).isTrue();
				assertThat(second.getProxyProtocol()).isEqualTo(ProxyProtocol.OFF);
				assertThat(second.isConnectionLogging()).isFalse();
				assertThat(TestServers.get("http://127.0.0.1:" + a + "/").body()).isEqualTo("A HTTP/1.1");
			});
	}

	@Test
	void anUnknownProxyProtocolValueFailsStartupNamingTheKey() {
		assertFails("Kestrel.Endpoints.Lb.ProxyProtocol=Sometimes", "kestrel.endpoints.Lb.proxy-protocol", "Sometimes");
	}

	@Test
	void aTrustedProxyThatIsNotAnAddressOrNetworkFailsStartupNamingTheKey() {
		assertFails("Kestrel.Endpoints.Lb.TrustedProxies=lb.example.org", "kestrel.endpoints.Lb.trusted-proxies",
				"lb.example.org");
		assertFails("Kestrel.Endpoints.Lb.TrustedProxies=10.0.0.0/33", "kestrel.endpoints.Lb.trusted-proxies",
				"prefix length");
	}

	@Test
	void connectionKeysInAnSniEntryFailStartupBecauseConnectionsPrecedeTheClientHello() {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=https://127.0.0.1:" + TestServers.freePort(),
					"Kestrel.Endpoints.Lb.Sni.a.example.org.ProxyProtocol=On")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new KestrelConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("ProxyProtocol")
					.contains("Kestrel.Endpoints.Lb.Sni.a.example.org.ProxyProtocol");
			});
	}

	@Test
	void anEndpointThatBelievesEveryPeerWarnsOnceAtStartup() {
		Logger logger = (Logger) LoggerFactory.getLogger(ConnectionPipeline.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			TestServers.runner()
				.withPropertyValues("Kestrel.Endpoints.Open.Url=http://127.0.0.1:" + TestServers.freePort(),
						"Kestrel.Endpoints.Open.ProxyProtocol=On",
						"Kestrel.Endpoints.Closed.Url=http://127.0.0.1:" + TestServers.freePort(),
						"Kestrel.Endpoints.Closed.ProxyProtocol=On",
						"Kestrel.Endpoints.Closed.TrustedProxies=127.0.0.1")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					List<String> warnings = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
					assertThat(warnings).hasSize(1);
					assertThat(warnings.get(0)).contains("Endpoint Open").contains("TrustedProxies");
				});
		}
		finally {
			logger.detachAppender(appender);
		}
	}

	@Test
	void codeRejectsBadArgumentsWithTheExpectedRange() {
		ListenOptions options = new KestrelServerOptions().listenLocalhost(5000);
		assertThatIllegalArgumentException().isThrownBy(() -> options.trustedProxies(List.of("::1/129")))
			.withMessage("network: ::1/129 (expected: a prefix length of 0-128)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> options.useChannelHandler(" ", io.netty.channel.ChannelInboundHandlerAdapter::new))
			.withMessageContaining("expected: a non-blank name");
		options.useChannelHandler("a", () -> new io.netty.channel.ChannelInboundHandlerAdapter());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> options.useChannelHandler("a", () -> new io.netty.channel.ChannelInboundHandlerAdapter()))
			.withMessage("name: a (expected: a name not used on this endpoint)");
	}

	@Test
	void ipNetworksMatchTheirAddressesAndIpv4NetworksMatchMappedIpv6Peers() throws Exception {
		IpNetwork network = IpNetwork.parse("10.1.0.0/16");
		assertThat(network.contains(java.net.InetAddress.getByName("10.1.200.3"))).isTrue();
		assertThat(network.contains(java.net.InetAddress.getByName("10.2.0.1"))).isFalse();
		assertThat(network.contains(java.net.InetAddress
			.getByAddress(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 1, 0, 9 })))
			.isTrue();
		assertThat(IpNetwork.parse("2001:db8::/32").contains(java.net.InetAddress.getByName("2001:db8:1::5"))).isTrue();
	}

	private static ListenOptions endpoint(KestrelServerOptions options, String name) {
		return options.getConfigurationLoader()
			.load()
			.stream()
			.filter((endpoint) -> endpoint.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static void assertFails(String property, String key, String detail) {
		TestServers.runner()
			.withPropertyValues("Kestrel.Endpoints.Lb.Url=http://127.0.0.1:" + TestServers.freePort(), property)
			.run((context) -> {
				assertThat(context).hasFailed();
				KestrelConfigurationException cause = Causes.find(context.getStartupFailure(),
						KestrelConfigurationException.class);
				assertThat(cause.getConfigurationKey()).isEqualTo(key);
				FailureAnalysis analysis = new KestrelConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(key).contains(detail);
				assertThat(analysis.getAction()).isNotBlank();
			});
	}

}
