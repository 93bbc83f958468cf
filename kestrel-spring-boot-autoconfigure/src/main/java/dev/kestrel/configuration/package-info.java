/**
 * Step one of the flow: the {@code Kestrel} section as immutable records, read from
 * Spring's {@code Environment} by
 * {@link dev.kestrel.configuration.KestrelConfigurationReader}, a pure function that can
 * run again at any time. {@link dev.kestrel.configuration.KestrelProperties} declares
 * every key once (binding target, IDE metadata and documentation).
 */
@NullMarked
package dev.kestrel.configuration;

import org.jspecify.annotations.NullMarked;
