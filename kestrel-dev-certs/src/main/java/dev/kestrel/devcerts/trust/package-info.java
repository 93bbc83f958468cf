/**
 * Trust of the development certificate for the current user on Linux, one class per place
 * clients look: the CurrentUser {@code Root} store (.NET), an OpenSSL hashed folder
 * (curl, Python, ...) and NSS databases (Chromium, Firefox), behind
 * {@link dev.kestrel.devcerts.trust.DevelopmentCertificateTrust}. External commands
 * ({@code openssl}, {@code certutil}) run here only, never through a shell.
 */
@NullMarked
package dev.kestrel.devcerts.trust;

import org.jspecify.annotations.NullMarked;
