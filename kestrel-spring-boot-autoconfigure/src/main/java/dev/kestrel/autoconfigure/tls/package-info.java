/**
 * The default {@link dev.kestrel.options.CertificateProvider}: the development
 * certificate and Spring SSL bundles, as the auto-configuration provides them.
 */
@NullMarked
package dev.kestrel.autoconfigure.tls;

import org.jspecify.annotations.NullMarked;
