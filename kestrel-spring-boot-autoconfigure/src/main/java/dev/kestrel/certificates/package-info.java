/**
 * Public certificate types the options API hands out and takes: a certificate with its
 * key ready to serve, and certificate-store locations.
 */
@NullMarked
package dev.kestrel.certificates;

import org.jspecify.annotations.NullMarked;
