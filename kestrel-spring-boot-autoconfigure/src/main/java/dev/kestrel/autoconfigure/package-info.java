/**
 * Spring Boot auto-configuration: reads the configuration once at startup, builds the
 * public options (customizable with
 * {@link dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer} beans) and registers
 * the server factory that binds every endpoint.
 */
@NullMarked
package dev.kestrel.autoconfigure;

import org.jspecify.annotations.NullMarked;
