package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;

/**
 * Resolves a Spring SSL bundle name ({@code Bundle}) to a server certificate.
 */
@FunctionalInterface
public interface BundleResolver {

	/**
	 * Resolves a bundle.
	 * @param bundleName the bundle name
	 * @return the bundle's certificate with its key, or {@code null} when no bundle has
	 * that name
	 */
	ServerCertificate resolve(String bundleName);

}
