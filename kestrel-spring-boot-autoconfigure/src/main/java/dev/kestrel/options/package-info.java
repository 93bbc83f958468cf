/**
 * The public API, Kestrel's {@code KestrelServerOptions} in Java: endpoints
 * ({@link dev.kestrel.options.ListenOptions}), HTTPS options, protocols, the
 * configuration loader and the callback interfaces. Step two of the flow: configuration
 * records become options here.
 */
@NullMarked
package dev.kestrel.options;

import org.jspecify.annotations.NullMarked;
