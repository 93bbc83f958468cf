package dev.kestrel.hosting;

import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The addresses the server bound, with real ports (Kestrel's
 * {@code IServerAddressesFeature}): inject it to learn the port of a {@code :0} endpoint.
 * Empty until the server has started (after Spring's {@code WebServerInitializedEvent});
 * empty again once it stopped.
 *
 * <pre class="code">
 * &#64;Bean
 * ApplicationRunner printAddresses(ServerAddresses addresses) {
 *     return (args) -&gt; System.out.println("Listening on " + String.join(", ", addresses.getAddresses()));
 * }
 * </pre>
 */
public interface ServerAddresses {

	/**
	 * @return every bound endpoint's address as logged ({@code http://127.0.0.1:41234},
	 * {@code http://unix:/run/app.sock}), in binding order
	 */
	default List<String> getAddresses() {
		return getEndpoints().stream().map(EndpointAddress::url).toList();
	}

	/**
	 * @return the bound endpoints, in binding order
	 */
	List<EndpointAddress> getEndpoints();

	/**
	 * @param name an endpoint name (configuration, code {@code code-N}, {@code url-N},
	 * {@code default}), compared as endpoint names are (case and punctuation ignored)
	 * @return that endpoint's addresses, or empty when no such endpoint is bound
	 */
	Optional<EndpointAddress> getEndpoint(String name);

	/**
	 * One bound endpoint.
	 *
	 * @param name the endpoint name
	 * @param url the address as logged, with the real port
	 * @param port the bound port, or {@code -1} for a Unix socket
	 * @param socketAddresses the TCP (or Unix) socket addresses bound (two for
	 * {@code localhost})
	 * @param http3 whether a QUIC listener also serves HTTP/3 on the port
	 */
	record EndpointAddress(String name, String url, int port, List<SocketAddress> socketAddresses, boolean http3) {

		public EndpointAddress {
			requireNonNull(name, "name");
			requireNonNull(url, "url");
			socketAddresses = List.copyOf(socketAddresses);
		}

	}

}
