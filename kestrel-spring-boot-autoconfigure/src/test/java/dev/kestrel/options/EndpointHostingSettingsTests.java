package dev.kestrel.options;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.diagnostics.HostingMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An endpoint's {@code AllowedHosts} and {@code UnixSocketPermissions} keys and their
 * code twins.
 */
class EndpointHostingSettingsTests {

	private final KestrelServerOptions options = new KestrelServerOptions();

	@Test
	void unixSocketPermissionsAndAllowedHostsReachTheEndpoint() {
		ListenOptions endpoint = load(endpoint("http://unix:/tmp/a.sock", "a.example; *.b.example ;", "0660"));
		assertThat(endpoint.getUnixSocketPermissions()).isEqualTo(0660);
		assertThat(endpoint.getAllowedHosts()).containsExactly("a.example", "*.b.example");
	}

	@Test
	void anInvalidModeFailsNamingTheKey() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load(endpoint("http://unix:/tmp/a.sock", null, "0999")))
			.satisfies((ex) -> {
				assertThat(ex.getConfigurationKey()).isEqualTo("kestrel.endpoints.Socket.unix-socket-permissions");
				assertThat(ex.getProblem()).isEqualTo(HostingMessages
					.invalidUnixSocketPermissions("kestrel.endpoints.Socket.unix-socket-permissions", "0999"));
			});
	}

	@Test
	void unixSocketPermissionsOnATcpEndpointFail() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> load(endpoint("http://127.0.0.1:0", null, "0666")))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(HostingMessages.unixSocketPermissionsOnTcpEndpoint("Socket")));
	}

	@Test
	void codeArgumentsAreChecked() {
		ListenOptions endpoint = this.options.listenUnixSocket("/tmp/b.sock");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoint.unixSocketPermissions("rw-rw-rw-"))
			.withMessage("octalMode: rw-rw-rw- (expected: an octal file mode, 0000-0777, e.g. 0660)");
		assertThatIllegalArgumentException().isThrownBy(() -> endpoint.allowedHosts())
			.withMessage("hosts: [] (expected: at least one host name, or \"*\")");
		assertThat(endpoint.unixSocketPermissions("666").getUnixSocketPermissions()).isEqualTo(0666);
	}

	private ListenOptions load(EndpointConfig endpoint) {
		this.options.configure(new KestrelConfig(List.of(endpoint), null, null));
		return this.options.loadConfigurationEndpoints().get(0);
	}

	private static EndpointConfig endpoint(String url, String allowedHosts, String permissions) {
		return new EndpointConfig("Socket", url, null, null, null, null, null, null, null, null, null, allowedHosts,
				permissions, null);
	}

}
