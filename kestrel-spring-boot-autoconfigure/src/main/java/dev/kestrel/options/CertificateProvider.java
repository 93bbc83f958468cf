package dev.kestrel.options;

import java.util.Optional;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;

/**
 * Loads certificates for HTTPS endpoints: files relative to the application's working
 * directory, certificate stores, Spring SSL bundles, and the default-certificate chain
 * ({@code Certificates.Default}, then the development certificate). The starter installs
 * one on {@link KestrelServerOptions}; it is an SPI, not something applications usually
 * implement.
 */
public interface CertificateProvider {

	/**
	 * Loads a {@code Certificate} section.
	 * @param endpointName the endpoint (for messages)
	 * @param keyPrefix the section's key, e.g.
	 * {@code kestrel.endpoints.Https.certificate}
	 * @param config the section
	 * @return the certificate, or empty when the section is empty
	 */
	Optional<ServerCertificate> load(String endpointName, String keyPrefix, CertificateConfig config);

	/**
	 * @return a valid development certificate (created first when the application opts
	 * in), or empty
	 */
	Optional<ServerCertificate> developmentCertificate();

	/**
	 * Loads a certificate file for code ({@code useHttps(fileName, password)}).
	 * @param fileName a PKCS#12 file, relative to the working directory or absolute
	 * @param password its password, or {@code null}
	 * @return the certificate
	 */
	ServerCertificate loadFile(String fileName, String password);

	/**
	 * Loads a certificate from a store for code
	 * ({@code useHttps(StoreName, subject, ...)}).
	 * @param storeName the store
	 * @param subject the subject to match
	 * @param allowInvalid whether invalid certificates may be used
	 * @param location the store location
	 * @return the certificate
	 */
	ServerCertificate loadFromStore(String storeName, String subject, boolean allowInvalid, StoreLocation location);

}
