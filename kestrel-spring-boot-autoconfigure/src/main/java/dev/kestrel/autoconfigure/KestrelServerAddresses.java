package dev.kestrel.autoconfigure;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import dev.kestrel.configuration.EndpointNames;
import dev.kestrel.hosting.ServerAddresses;
import dev.kestrel.internal.server.BoundEndpoint;
import dev.kestrel.internal.server.KestrelWebServer;

import static java.util.Objects.requireNonNull;

/**
 * The {@link ServerAddresses} bean: reads the bound endpoints of the Kestrel server once
 * it has started (the management server, a separate Spring Boot server, is not listed).
 */
class KestrelServerAddresses implements ServerAddresses, ApplicationListener<WebServerInitializedEvent> {

	private volatile KestrelWebServer server;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getWebServer() instanceof KestrelWebServer kestrel && this.server == null) {
			this.server = kestrel;
		}
	}

	@Override
	public List<EndpointAddress> getEndpoints() {
		KestrelWebServer current = this.server;
		return (current != null) ? current.getBoundEndpoints().stream().map(KestrelServerAddresses::address).toList()
				: List.of();
	}

	@Override
	public Optional<EndpointAddress> getEndpoint(String name) {
		requireNonNull(name, "name");
		String uniform = EndpointNames.uniform(name);
		return getEndpoints().stream()
			.filter((endpoint) -> EndpointNames.uniform(endpoint.name()).equals(uniform))
			.findFirst();
	}

	private static EndpointAddress address(BoundEndpoint endpoint) {
		return new EndpointAddress(endpoint.name(), endpoint.displayName(), endpoint.port(), endpoint.addresses(),
				endpoint.isHttp3());
	}

}
