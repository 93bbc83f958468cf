/**
 * Kestrel's limits on the wire: the connection count, the HTTP/1.1 request-head guard
 * (line and header sizes, header count, request headers timeout), the request body size,
 * and the mapping of the rest onto Reactor Netty's settings ({@link EndpointLimits}).
 */
@NullMarked
package dev.kestrel.internal.limits;

import org.jspecify.annotations.NullMarked;
