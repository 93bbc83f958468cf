/**
 * Certificate sources: files (PFX, PEM with every key format), certificate stores, Spring
 * SSL bundles, and their validation. Internal API.
 */
@NullMarked
package dev.kestrel.internal.tls;

import org.jspecify.annotations.NullMarked;
