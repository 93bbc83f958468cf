/**
 * Internal API: what an endpoint does with a request before the application sees it, as
 * ASP.NET Core's host filtering, HTTPS redirection and HSTS middleware do
 * ({@link dev.kestrel.internal.hosting.RequestFilters}). Not for applications: may change
 * in any release.
 */
@NullMarked
package dev.kestrel.internal.hosting;

import org.jspecify.annotations.NullMarked;
