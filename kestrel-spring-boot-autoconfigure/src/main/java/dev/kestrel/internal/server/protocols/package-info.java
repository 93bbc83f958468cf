/**
 * HTTP protocol rules per endpoint: HTTP/1.1, h2, h2c and HTTP/3 as Kestrel negotiates
 * them, HTTP/2-over-TLS requirements and Alt-Svc. Internal API.
 */
@NullMarked
package dev.kestrel.internal.server.protocols;

import org.jspecify.annotations.NullMarked;
