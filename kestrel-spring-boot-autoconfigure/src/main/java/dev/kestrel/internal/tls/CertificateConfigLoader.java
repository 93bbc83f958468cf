package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Loads the certificate of a {@code Certificate} configuration section, like Kestrel's
 * {@code CertificateConfigLoader}: a file ({@code Path}, {@code KeyPath},
 * {@code Password}), a store entry ({@code Subject}, {@code Store}, {@code Location},
 * {@code AllowInvalid}) or a Spring SSL bundle ({@code Bundle}). The certificate is then
 * checked by {@link ServerCertificateValidator}. Every error names the endpoint and the
 * configuration key at fault.
 */
public final class CertificateConfigLoader {

	/** The default {@code Store}. */
	public static final String DEFAULT_STORE_NAME = "My";

	private CertificateConfigLoader() {
	}

	/**
	 * Loads the certificate of a configuration section.
	 * @param endpointName the endpoint name for messages ({@code Default} for
	 * {@code Certificates.Default})
	 * @param keyPrefix the section's key for messages, e.g.
	 * {@code kestrel.endpoints.Https.certificate}
	 * @param config the section
	 * @param contentRoot the directory relative paths resolve against
	 * @param storeLoader lists store entries for {@code Subject}
	 * @param bundleResolver resolves {@code Bundle}
	 * @return the certificate and its warnings, or empty when the section names no source
	 * @throws KestrelConfigurationException if the section is invalid or the certificate
	 * cannot be loaded or used
	 */
	public static Optional<LoadedCertificate> load(String endpointName, String keyPrefix, CertificateConfig config,
			Path contentRoot, StoreLoader storeLoader, BundleResolver bundleResolver) {
		requireNonNull(endpointName, "endpointName");
		requireNonNull(keyPrefix, "keyPrefix");
		requireNonNull(config, "config");
		requireNonNull(contentRoot, "contentRoot");
		requireNonNull(storeLoader, "storeLoader");
		requireNonNull(bundleResolver, "bundleResolver");
		int sources = (config.isFileCert() ? 1 : 0) + (config.isStoreCert() ? 1 : 0) + (config.isBundleCert() ? 1 : 0);
		if (sources > 1) {
			throw new KestrelConfigurationException(endpointName, keyPrefix,
					CertificateMessages.multipleCertificateSources(endpointName), null);
		}
		if (sources == 0) {
			return Optional.empty();
		}
		String sourceKey;
		ServerCertificate certificate;
		if (config.isFileCert()) {
			sourceKey = keyPrefix + ".path";
			certificate = new CertificateFileLoader(contentRoot, endpointName, keyPrefix).load(config.path(),
					config.keyPath(), config.password());
		}
		else if (config.isStoreCert()) {
			sourceKey = keyPrefix + ".subject";
			certificate = loadFromStore(endpointName, keyPrefix, config, storeLoader);
		}
		else {
			sourceKey = keyPrefix + ".bundle";
			String bundle = config.bundle().trim();
			certificate = withContext(endpointName, sourceKey, () -> bundleResolver.resolve(bundle));
			if (certificate == null) {
				throw new KestrelConfigurationException(endpointName, sourceKey,
						CertificateMessages.sslBundleNotFound(bundle), null);
			}
		}
		ServerCertificate loaded = certificate;
		List<String> warnings = withContext(endpointName, sourceKey,
				() -> new ServerCertificateValidator().validate(loaded.certificate()));
		return Optional.of(new LoadedCertificate(certificate, warnings));
	}

	private static ServerCertificate loadFromStore(String endpointName, String keyPrefix, CertificateConfig config,
			StoreLoader storeLoader) {
		StoreLocation location = StoreLocation.CURRENT_USER;
		if (config.location() != null && !config.location().isBlank()) {
			location = StoreLocation.fromKestrelName(config.location())
				.orElseThrow(() -> new KestrelConfigurationException(endpointName, keyPrefix + ".location",
						CertificateMessages.invalidStoreLocation(config.location()), null));
		}
		String storeName = (config.store() != null && !config.store().isBlank()) ? config.store().trim()
				: DEFAULT_STORE_NAME;
		String subject = config.subject().trim();
		boolean allowInvalid = Boolean.TRUE.equals(config.allowInvalid());
		StoreLocation storeLocation = location;
		List<StoredCertificate> candidates = withContext(endpointName, keyPrefix + ".store",
				() -> storeLoader.load(storeName, storeLocation));
		return withContext(endpointName, keyPrefix + ".subject", () -> new StoreCertificateSelector()
			.select((candidates != null) ? candidates : List.of(), subject, storeLocation, storeName, allowInvalid));
	}

	private static <T> T withContext(String endpointName, String key, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (KestrelConfigurationException ex) {
			throw ex.withContext(endpointName, key);
		}
	}

}
