/**
 * Per-connection TLS selection, as Kestrel does it: the SNI host-name map of a configured
 * endpoint ({@link dev.kestrel.internal.sni.SniOptionsSelector}, built on
 * {@link dev.kestrel.internal.sni.SniHostMap}), the server-certificate selector and the
 * TLS handshake callback. Each one turns a client hello (the host name the client asked
 * for) into the {@link dev.kestrel.internal.sni.TlsSettings} of that connection, or
 * refuses the connection. Pure Java: no Spring or Netty types.
 */
@NullMarked
package dev.kestrel.internal.sni;

import org.jspecify.annotations.NullMarked;
