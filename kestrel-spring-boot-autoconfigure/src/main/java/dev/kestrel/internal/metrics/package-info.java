/**
 * Kestrel's meters (meter {@code Microsoft.AspNetCore.Server.Kestrel}, OpenTelemetry's
 * {@code kestrel.*} names and tags) on every endpoint. {@link ConnectionMetrics} is what
 * the server factory knows (no Micrometer type); {@link KestrelMeters} records with
 * Micrometer and is created only when Micrometer is present.
 */
@NullMarked
package dev.kestrel.internal.metrics;

import org.jspecify.annotations.NullMarked;
