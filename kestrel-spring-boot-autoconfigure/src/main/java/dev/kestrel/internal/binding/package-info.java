/**
 * Step three: turns options and hosting addresses into a binding plan (which endpoints
 * listen where, Kestrel's precedence of code, configuration, URLs and
 * {@code server.port}). Internal API.
 */
@NullMarked
package dev.kestrel.internal.binding;

import org.jspecify.annotations.NullMarked;
