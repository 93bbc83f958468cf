/**
 * Certificate stores laid out as .NET lays out {@code X509Store} on Linux: a folder per store holding one PKCS#12
 * file per certificate, named after its SHA-1 thumbprint. Certificates are therefore shared with .NET tooling such
 * as {@code dotnet dev-certs}. Pure Java and BouncyCastle; no Spring or Netty types.
 */
package dev.kestrel.tls.store;
