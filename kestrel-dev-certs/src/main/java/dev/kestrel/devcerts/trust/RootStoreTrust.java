package dev.kestrel.devcerts.trust;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.CertificateStoreException;
import dev.kestrel.internal.tls.store.StoredCertificate;
import dev.kestrel.internal.tls.store.Thumbprints;

/**
 * Trust for .NET clients: the certificate, without its key, in the CurrentUser
 * {@code Root} store.
 */
final class RootStoreTrust implements TrustTarget {

	private final CertificateStore store;

	private final HomePaths paths;

	private final DevCertReporter reporter;

	RootStoreTrust(CertificateStore store, HomePaths paths, DevCertReporter reporter) {
		this.store = store;
		this.paths = paths;
		this.reporter = reporter;
	}

	CertificateStore store() {
		return this.store;
	}

	@Override
	public Outcome trust(X509Certificate certificate) {
		if (this.store.contains(certificate)) {
			this.reporter.verbose(TrustMessages.trustAlreadyInRootStore(shownDirectory()));
			return Outcome.TRUSTED;
		}
		try {
			this.store.add(certificate, null);
			this.reporter.output(TrustMessages.trustAddedToRootStore(shownDirectory()));
			return Outcome.TRUSTED;
		}
		catch (CertificateStoreException ex) {
			this.reporter.warn(TrustMessages.trustRootStoreFailed(ex.getMessage()));
			return Outcome.NOT_TRUSTED;
		}
	}

	@Override
	public Outcome check(X509Certificate certificate) {
		if (this.store.contains(certificate)) {
			return Outcome.TRUSTED;
		}
		this.reporter.verbose(TrustMessages.notTrustedByDotnet(shownDirectory()));
		return Outcome.NOT_TRUSTED;
	}

	@Override
	public boolean untrust(X509Certificate certificate) {
		String thumbprint = Thumbprints.of(certificate);
		try {
			if (this.store.remove(thumbprint)) {
				this.reporter.output(TrustMessages.untrustRemovedFromRootStore(thumbprint, shownDirectory()));
			}
			return true;
		}
		catch (CertificateStoreException ex) {
			this.reporter.warn(TrustMessages.untrustFailed(shownDirectory(), ex.getMessage()));
			return false;
		}
	}

	@Override
	public Map<String, X509Certificate> trustedCertificates() {
		Map<String, X509Certificate> certificates = new LinkedHashMap<>();
		for (StoredCertificate stored : DevelopmentCertificates.findAll(this.store)) {
			if (DevelopmentCertificate.isDevelopmentCertificate(stored.certificate())) {
				certificates.putIfAbsent(stored.thumbprint(), stored.certificate());
			}
		}
		return certificates;
	}

	private String shownDirectory() {
		return this.paths.show(this.store.directory());
	}

}
