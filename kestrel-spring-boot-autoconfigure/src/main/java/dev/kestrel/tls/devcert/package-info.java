/**
 * The HTTPS development certificate, in the shape ASP.NET Core's {@code dotnet dev-certs https} creates (so that .NET
 * tooling and this starter share it): generation, lookup in the CurrentUser {@code My} store, export, and trust on
 * Linux (the CurrentUser {@code Root} store, an OpenSSL hashed directory, NSS databases). Pure Java and BouncyCastle;
 * no Spring or Netty types.
 */
package dev.kestrel.tls.devcert;
