/**
 * Step four: one Reactor Netty server per endpoint (TCP and, for HTTP/3, QUIC), started
 * and stopped together as one Spring {@code WebServer}. Internal API.
 */
@NullMarked
package dev.kestrel.internal.server;

import org.jspecify.annotations.NullMarked;
