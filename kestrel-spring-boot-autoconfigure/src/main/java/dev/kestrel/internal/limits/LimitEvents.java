package dev.kestrel.internal.limits;

import io.netty.channel.Channel;

/**
 * Where limits report what they refused: the hook for Kestrel's meters
 * ({@code kestrel.rejected_connections}, the {@code error.type} of
 * {@code kestrel.connection.duration}). Called on the connection's event loop; must not
 * block.
 */
@FunctionalInterface
public interface LimitEvents {

	/** Records nothing. */
	LimitEvents NONE = (endpointName, reason) -> {
	};

	/**
	 * A limit refused a connection or ended a request.
	 * @param endpointName the endpoint
	 * @param reason why
	 */
	void limitReached(String endpointName, EndReason reason);

	/**
	 * A limit refused a connection or ended a request on a connection.
	 * @param channel the connection's channel
	 * @param endpointName the endpoint
	 * @param reason why
	 */
	default void limitReached(Channel channel, String endpointName, EndReason reason) {
		limitReached(endpointName, reason);
	}

}
