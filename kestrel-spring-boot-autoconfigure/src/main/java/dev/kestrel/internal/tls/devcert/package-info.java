/**
 * The HTTPS development certificate, in the shape ASP.NET Core's
 * {@code dotnet dev-certs https} creates (so that .NET tooling and this starter share
 * it): generation and lookup in the CurrentUser {@code My} store, which is all a server
 * start needs. Export, import, trust and removal belong to the {@code kestrel-dev-certs}
 * tool. Pure Java and BouncyCastle; no Spring or Netty types.
 */
@NullMarked
package dev.kestrel.internal.tls.devcert;

import org.jspecify.annotations.NullMarked;
