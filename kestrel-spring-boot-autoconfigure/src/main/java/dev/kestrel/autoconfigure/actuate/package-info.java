/**
 * Spring ecosystem glue, each part active only when its library is on the class path:
 * with Actuator the {@code kestrel} endpoint (every endpoint, its bindings, TLS settings,
 * limits and certificates, never a secret) and the {@code kestrel} health contributor
 * (unbound endpoints, expiring certificates); with Micrometer Kestrel's meters.
 */
@NullMarked
package dev.kestrel.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
