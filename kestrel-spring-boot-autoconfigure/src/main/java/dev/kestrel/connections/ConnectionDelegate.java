package dev.kestrel.connections;

import reactor.core.publisher.Mono;

/**
 * The rest of a connection's pipeline, as a middleware sees it (Kestrel's {@code next}).
 */
@FunctionalInterface
public interface ConnectionDelegate {

	/**
	 * Hands the connection on, when the returned {@link Mono} is subscribed to.
	 * @return completes when the connection has closed
	 */
	Mono<Void> proceed();

}
