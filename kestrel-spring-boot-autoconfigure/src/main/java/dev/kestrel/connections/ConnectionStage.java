package dev.kestrel.connections;

import java.util.function.Supplier;

import io.netty.channel.ChannelHandler;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One step of an endpoint's connection pipeline, in the order registered on
 * {@code ListenOptions}: a {@link ConnectionMiddleware}, or a Netty
 * {@link ChannelHandler}, or connection logging. Steps registered before {@code useHttps}
 * see the raw (encrypted) connection, the others the decrypted one.
 */
public sealed interface ConnectionStage {

	/**
	 * A connection middleware.
	 *
	 * @param middleware the middleware
	 */
	record Middleware(ConnectionMiddleware middleware) implements ConnectionStage {

		/**
		 * @param middleware the middleware
		 */
		public Middleware {
			requireNonNull(middleware, "middleware");
		}

	}

	/**
	 * A Netty handler, added to every connection's pipeline as
	 * {@code kestrel.connection.<name>}.
	 *
	 * @param name the name, unique on the endpoint
	 * @param handler creates one handler per connection (or returns a
	 * {@link ChannelHandler.Sharable} one)
	 */
	record Handler(String name, Supplier<? extends ChannelHandler> handler) implements ConnectionStage {

		/**
		 * @param name the name
		 * @param handler the handler factory
		 */
		public Handler {
			requireNonNull(name, "name");
			requireNonNull(handler, "handler");
			if (name.isBlank()) {
				throw new IllegalArgumentException("name: \"" + name + "\" (expected: a non-blank name)");
			}
		}

		/**
		 * @return the handler's name in the pipeline
		 */
		public String pipelineName() {
			return "kestrel.connection." + this.name;
		}

	}

	/**
	 * Connection logging (Kestrel's {@code UseConnectionLogging}), added as
	 * {@code kestrel.connectionLogging}.
	 *
	 * @param loggerName the logger, or {@code null} for
	 * {@code dev.kestrel.connections.ConnectionLogging}
	 */
	record Logging(@Nullable String loggerName) implements ConnectionStage {

	}

}
