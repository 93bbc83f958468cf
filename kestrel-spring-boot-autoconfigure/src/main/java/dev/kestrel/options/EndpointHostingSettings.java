package dev.kestrel.options;

import java.util.Arrays;

import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.diagnostics.HostingMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;

/**
 * Applies an endpoint's {@code AllowedHosts} and {@code UnixSocketPermissions} keys; a
 * value that does not parse fails naming its key.
 */
final class EndpointHostingSettings {

	private EndpointHostingSettings() {
	}

	static void apply(EndpointConfig endpoint, ListenOptions options) {
		if (endpoint.allowedHosts() != null) {
			String[] hosts = Arrays.stream(endpoint.allowedHosts().split(";"))
				.map(String::trim)
				.filter((host) -> !host.isEmpty())
				.toArray(String[]::new);
			if (hosts.length == 0) {
				String key = endpoint.key("allowed-hosts");
				throw new KestrelConfigurationException(endpoint.name(), key,
						HostingMessages.invalidAllowedHost(key, endpoint.allowedHosts()), null);
			}
			options.allowedHosts(hosts);
		}
		if (endpoint.unixSocketPermissions() != null) {
			String key = endpoint.key("unix-socket-permissions");
			if (options.getKind() != EndpointKind.UNIX_SOCKET) {
				throw new KestrelConfigurationException(endpoint.name(), key,
						HostingMessages.unixSocketPermissionsOnTcpEndpoint(endpoint.name()), null);
			}
			try {
				options.unixSocketPermissions(endpoint.unixSocketPermissions().trim());
			}
			catch (IllegalArgumentException ex) {
				throw new KestrelConfigurationException(endpoint.name(), key,
						HostingMessages.invalidUnixSocketPermissions(key, endpoint.unixSocketPermissions()), null);
			}
		}
	}

}
