/**
 * TLS on the wire: per-connection SNI selection, SSL contexts and their caches,
 * client-certificate trust, handshake details, QUIC TLS. Internal API.
 */
@NullMarked
package dev.kestrel.internal.server.tls;

import org.jspecify.annotations.NullMarked;
