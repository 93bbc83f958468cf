/**
 * The {@code kestrel-dev-certs} command-line tool:
 * {@code java -jar kestrel-dev-certs.jar https [options]}, the counterpart of
 * {@code dotnet dev-certs https} with the same options, messages and exit codes.
 */
@NullMarked
package dev.kestrel.devcerts;

import org.jspecify.annotations.NullMarked;
