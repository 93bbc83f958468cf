/**
 * User-facing problems (description and action) and the exception that carries them; the
 * message catalogue of the runtime.
 */
@NullMarked
package dev.kestrel.diagnostics;

import org.jspecify.annotations.NullMarked;
