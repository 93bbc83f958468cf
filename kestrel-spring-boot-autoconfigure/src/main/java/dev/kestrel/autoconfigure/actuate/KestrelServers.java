package dev.kestrel.autoconfigure.actuate;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import dev.kestrel.internal.server.BoundEndpoint;
import dev.kestrel.internal.server.KestrelWebServer;
import dev.kestrel.options.ListenOptions;

/**
 * The application's Kestrel server and its endpoints: each planned endpoint with its
 * binding, if bound.
 */
final class KestrelServers {

	private final ApplicationContext context;

	KestrelServers(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * @return the server, or empty when the application's web server is not Kestrel's (or
	 * not created yet)
	 */
	Optional<KestrelWebServer> server() {
		return (this.context instanceof WebServerApplicationContext web
				&& web.getWebServer() instanceof KestrelWebServer server) ? Optional.of(server) : Optional.empty();
	}

	/**
	 * @return every endpoint of the server with its binding (empty without a Kestrel
	 * server)
	 */
	List<Binding> endpoints() {
		return server().map(KestrelServers::bindings).orElse(List.of());
	}

	private static List<Binding> bindings(KestrelWebServer server) {
		List<BoundEndpoint> bound = server.getBoundEndpoints();
		return server.getPlannedEndpoints()
			.stream()
			.map((options) -> new Binding(options,
					bound.stream().filter((endpoint) -> endpoint.listenOptions() == options).findFirst().orElse(null)))
			.toList();
	}

	/**
	 * An endpoint and its binding.
	 *
	 * @param options the endpoint
	 * @param bound its binding, or {@code null} when not bound
	 */
	record Binding(ListenOptions options, @org.jspecify.annotations.Nullable BoundEndpoint bound) {

	}

}
