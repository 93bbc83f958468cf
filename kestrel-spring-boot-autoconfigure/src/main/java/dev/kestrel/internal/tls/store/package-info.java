/**
 * Certificate stores laid out as .NET lays out {@code X509Store} on Linux: a folder per
 * store holding one PKCS#12 file per certificate, named after its SHA-1 thumbprint.
 * Certificates are therefore shared with .NET tooling such as {@code dotnet dev-certs}.
 * Also the certificate primitives that the stores share with the loading of
 * {@code Certificate} files in {@code dev.kestrel.internal.tls}: the one PKCS#12 reader
 * and writer, thumbprints, key algorithms and the rule that decides whether a private key
 * belongs to a certificate. This package depends on no other
 * {@code dev.kestrel.internal.tls} package; pure Java and BouncyCastle, no Spring or
 * Netty types.
 */
@NullMarked
package dev.kestrel.internal.tls.store;

import org.jspecify.annotations.NullMarked;
