/**
 * Export of the development certificate to PFX or PEM files, as
 * {@code dotnet dev-certs https --export-path} writes them.
 */
@NullMarked
package dev.kestrel.devcerts.export;

import org.jspecify.annotations.NullMarked;
