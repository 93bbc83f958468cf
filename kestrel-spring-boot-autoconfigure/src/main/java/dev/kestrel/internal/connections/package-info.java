/**
 * Internal API: the per-connection pipeline of an endpoint on Netty — PROXY protocol
 * decoding, connection middleware, connection logging and contributed channel handlers,
 * placed around the TLS handler as {@code ListenOptions} registered them
 * ({@link dev.kestrel.internal.connections.ConnectionPipeline}). Not for applications:
 * may change in any release.
 */
@NullMarked
package dev.kestrel.internal.connections;

import org.jspecify.annotations.NullMarked;
