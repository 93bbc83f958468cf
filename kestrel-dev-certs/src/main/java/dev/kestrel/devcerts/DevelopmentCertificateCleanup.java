package dev.kestrel.devcerts;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kestrel.devcerts.trust.DevelopmentCertificateTrust;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.CertificateStoreException;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static java.util.Objects.requireNonNull;

/**
 * Removes every development certificate from the machine, as
 * {@code dotnet dev-certs https --clean} does.
 */
final class DevelopmentCertificateCleanup {

	private DevelopmentCertificateCleanup() {
	}

	/**
	 * Removes every development certificate ({@code CN=localhost} with the marker) from
	 * the {@code My} store and from every place {@link DevelopmentCertificateTrust}
	 * trusts it: the {@code Root} store, the OpenSSL directory and the NSS databases.
	 * Certificates found only in the {@code Root} store or the OpenSSL directory are
	 * removed too.
	 * @param my the CurrentUser {@code My} store
	 * @param trust where the certificates are trusted
	 * @return the thumbprints removed and the thumbprints that could not be removed
	 * everywhere
	 */
	static Result clean(CertificateStore my, DevelopmentCertificateTrust trust) {
		requireNonNull(my, "my");
		requireNonNull(trust, "trust");
		Map<String, X509Certificate> certificates = new LinkedHashMap<>();
		for (StoredCertificate stored : DevelopmentCertificates.findAll(my)) {
			if (DevelopmentCertificate.isDevelopmentCertificate(stored.certificate())) {
				certificates.putIfAbsent(stored.thumbprint(), stored.certificate());
			}
		}
		trust.trustedCertificates().forEach(certificates::putIfAbsent);
		List<String> removed = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		certificates.forEach((thumbprint, certificate) -> {
			boolean complete = trust.untrust(certificate);
			try {
				my.remove(thumbprint);
			}
			catch (CertificateStoreException ex) {
				complete = false;
			}
			if (complete) {
				removed.add(thumbprint);
			}
			else {
				failed.add(thumbprint);
			}
		});
		return new Result(List.copyOf(removed), List.copyOf(failed));
	}

	/**
	 * The outcome of {@link #clean}.
	 *
	 * @param removed thumbprints removed from everywhere
	 * @param failed thumbprints that could not be removed from some place (the reporter
	 * says which)
	 */
	record Result(List<String> removed, List<String> failed) {

		/**
		 * @return whether every certificate was removed from everywhere
		 */
		boolean isComplete() {
			return this.failed.isEmpty();
		}

	}

}
