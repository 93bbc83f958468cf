package dev.kestrel.autoconfigure.tls;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.options.CertificateProvider;
import dev.kestrel.internal.tls.BundleResolver;
import dev.kestrel.internal.tls.CertificateConfigLoader;
import dev.kestrel.internal.tls.CertificateFileLoader;
import dev.kestrel.internal.tls.LoadedCertificate;
import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.internal.tls.ServerCertificateValidator;
import dev.kestrel.internal.tls.StoreCertificateSelector;
import dev.kestrel.certificates.StoreLocation;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.StoredCertificate;

/**
 * The starter's {@link CertificateProvider}: files relative to the working directory,
 * certificate stores laid out as .NET lays them out on Linux, Spring SSL bundles, and the
 * development certificate from the {@code CurrentUser/My} store (created first when
 * {@code kestrel.development-certificate.auto-create} is set). Certificate warnings (no
 * SAN, expired) are logged; nothing secret ever is.
 */
public final class DefaultCertificateProvider implements CertificateProvider {

	private static final Log logger = LogFactory.getLog(DefaultCertificateProvider.class);

	private final Path contentRoot;

	private final BundleResolver bundleResolver;

	private final boolean autoCreateDevelopmentCertificate;

	private final Supplier<Path> currentUserRoot;

	private final Clock clock;

	private volatile Optional<ServerCertificate> developmentCertificate;

	/**
	 * @param contentRoot what relative paths resolve against
	 * @param bundleResolver resolves Spring SSL bundles
	 * @param autoCreateDevelopmentCertificate whether to create a development certificate
	 * when none is valid
	 * @param currentUserRoot the {@code CurrentUser} stores root
	 * @param clock the clock
	 */
	public DefaultCertificateProvider(Path contentRoot, BundleResolver bundleResolver,
			boolean autoCreateDevelopmentCertificate, Supplier<Path> currentUserRoot, Clock clock) {
		this.contentRoot = contentRoot;
		this.bundleResolver = bundleResolver;
		this.autoCreateDevelopmentCertificate = autoCreateDevelopmentCertificate;
		this.currentUserRoot = currentUserRoot;
		this.clock = clock;
	}

	@Override
	public Optional<ServerCertificate> load(String endpointName, String keyPrefix, CertificateConfig config) {
		return CertificateConfigLoader
			.load(endpointName, keyPrefix, config, this.contentRoot, this::loadStore, this.bundleResolver)
			.map(this::logWarnings);
	}

	@Override
	public ServerCertificate loadFile(String fileName, String password) {
		ServerCertificate certificate = new CertificateFileLoader(this.contentRoot).load(fileName, null, password);
		return validated(certificate);
	}

	@Override
	public ServerCertificate loadFromStore(String storeName, String subject, boolean allowInvalid,
			StoreLocation location) {
		ServerCertificate certificate = new StoreCertificateSelector(this.clock).select(loadStore(storeName, location),
				subject, location, storeName, allowInvalid);
		return validated(certificate);
	}

	@Override
	public Optional<ServerCertificate> developmentCertificate() {
		Optional<ServerCertificate> certificate = this.developmentCertificate;
		if (certificate == null) {
			certificate = findDevelopmentCertificate();
			this.developmentCertificate = certificate;
		}
		return certificate;
	}

	private Optional<ServerCertificate> findDevelopmentCertificate() {
		CertificateStore my = CertificateStore.open(this.currentUserRoot.get(), CertificateStore.MY, logger::warn);
		List<StoredCertificate> valid = DevelopmentCertificates.findValid(my, this.clock);
		StoredCertificate found;
		if (!valid.isEmpty()) {
			found = valid.get(0);
		}
		else if (this.autoCreateDevelopmentCertificate) {
			found = DevelopmentCertificates.ensureCreated(my, this.clock).certificate();
			logger
				.info(CertificateMessages.developmentCertificateCreated(found.thumbprint(), my.directory().toString()));
		}
		else {
			logger.debug(CertificateMessages.developmentCertificateNotFound());
			return Optional.empty();
		}
		logger.debug(CertificateMessages
			.usingDevelopmentCertificate(found.certificate().getSubjectX500Principal().getName(), found.thumbprint()));
		return Optional.of(ServerCertificate.of(found));
	}

	private List<StoredCertificate> loadStore(String storeName, StoreLocation location) {
		Path root = (location == StoreLocation.LOCAL_MACHINE) ? CertificateStore.localMachineRoot()
				: this.currentUserRoot.get();
		return CertificateStore.open(root, storeName, logger::warn).list();
	}

	private ServerCertificate logWarnings(LoadedCertificate loaded) {
		loaded.warnings().forEach(logger::warn);
		return loaded.certificate();
	}

	private ServerCertificate validated(ServerCertificate certificate) {
		new ServerCertificateValidator(this.clock).validate(certificate.certificate()).forEach(logger::warn);
		return certificate;
	}

}
