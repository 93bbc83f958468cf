/**
 * Connection-level API, Kestrel's connection middleware in Java:
 * {@link dev.kestrel.connections.ConnectionMiddleware} registered per endpoint with
 * {@code ListenOptions.use(...)}, the {@link dev.kestrel.connections.ConnectionContext}
 * it receives and its features (TLS handshake, PROXY protocol header), the PROXY protocol
 * settings, and {@link dev.kestrel.connections.KestrelRequests}, which tells a WebFlux
 * handler which endpoint and connection served a request.
 */
@NullMarked
package dev.kestrel.connections;

import org.jspecify.annotations.NullMarked;
