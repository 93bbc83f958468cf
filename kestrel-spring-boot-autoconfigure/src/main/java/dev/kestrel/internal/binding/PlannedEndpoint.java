package dev.kestrel.internal.binding;

import java.net.InetAddress;

import dev.kestrel.options.EndpointKind;
import dev.kestrel.options.ListenOptions;

import static java.util.Objects.requireNonNull;

/**
 * One endpoint of a {@link BindingPlan}: the endpoint's options and the address the
 * server binds, decided once by the binder. Immutable; the options are never changed or
 * copied by binding: for random ports in tests ({@code server.port=0}) only the planned
 * address differs from the configured one.
 *
 * @param options the endpoint's options
 * @param kind what to bind: {@link EndpointKind#IP} for a localhost endpoint on a random
 * port (one loopback address, as the port cannot be shared)
 * @param address the IP address, or {@code null} for any IP, localhost and Unix sockets
 * @param port the port (0 for a random one)
 */
public record PlannedEndpoint(ListenOptions options, EndpointKind kind, InetAddress address, int port) {

	public PlannedEndpoint {
		requireNonNull(options, "options");
		requireNonNull(kind, "kind");
	}

	/**
	 * @param options the endpoint's options
	 * @return the endpoint at its configured address
	 */
	public static PlannedEndpoint of(ListenOptions options) {
		return new PlannedEndpoint(options, options.getKind(), options.getAddress(), options.getPort());
	}

	/**
	 * @param options the endpoint's options
	 * @return the endpoint on a random port: localhost becomes the loopback address, Unix
	 * sockets and endpoints already on port 0 stay as they are
	 */
	public static PlannedEndpoint onRandomPort(ListenOptions options) {
		if (!options.isTcp() || (options.getPort() == 0 && options.getKind() != EndpointKind.LOCALHOST)) {
			return of(options);
		}
		return switch (options.getKind()) {
			case LOCALHOST -> new PlannedEndpoint(options, EndpointKind.IP, InetAddress.getLoopbackAddress(), 0);
			case ANY_IP -> new PlannedEndpoint(options, EndpointKind.ANY_IP, null, 0);
			default -> new PlannedEndpoint(options, EndpointKind.IP, options.getAddress(), 0);
		};
	}

	/**
	 * @return the endpoint's name
	 */
	public String name() {
		return this.options.getName();
	}

	/**
	 * @param boundPort the port actually bound
	 * @return the display name, as Kestrel prints it
	 */
	public String displayName(int boundPort) {
		if (this.kind != this.options.getKind()) {
			return ListenOptions.displayName(this.options.getScheme(), this.address, boundPort);
		}
		return this.options.getDisplayName(boundPort);
	}

	/**
	 * @return the display name with the planned port
	 */
	public String displayName() {
		return displayName(this.port);
	}

}
