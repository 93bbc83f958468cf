package dev.kestrel.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import dev.kestrel.internal.server.BoundEndpoint;
import dev.kestrel.internal.server.KestrelWebServer;

/**
 * Publishes {@code local.kestrel.<endpoint-name>.port} for every TCP endpoint once the
 * server has started (Spring Boot publishes {@code local.server.port} itself, from
 * {@link KestrelWebServer#getPort()}).
 */
class KestrelPortsPublisher implements ApplicationListener<WebServerInitializedEvent> {

	static final String PROPERTY_SOURCE_NAME = "kestrel.ports";

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (!(event.getWebServer() instanceof KestrelWebServer server)
				|| !(event.getApplicationContext().getEnvironment() instanceof ConfigurableEnvironment environment)) {
			return;
		}
		Map<String, Object> ports = new HashMap<>();
		for (BoundEndpoint endpoint : server.getBoundEndpoints()) {
			if (endpoint.port() >= 0) {
				ports.put("local.kestrel." + endpoint.name() + ".port", endpoint.port());
			}
		}
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(PROPERTY_SOURCE_NAME);
		sources.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, ports));
	}

}
