/**
 * Actuator support, active only when Spring Boot Actuator is on the class path: the
 * {@code kestrel} endpoint (every endpoint, its bindings, TLS settings, limits and
 * certificates, never a secret) and the {@code kestrel} health contributor (unbound
 * endpoints, expiring certificates).
 */
@NullMarked
package dev.kestrel.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
