package dev.kestrel.internal.limits;

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

}
