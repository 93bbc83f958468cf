package dev.kestrel.internal.server.tls;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.SniMessages;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SniCertificate;
import dev.kestrel.options.SniOptions;

/**
 * Loads the deferred certificates of an endpoint's SNI section (see
 * {@link SniCertificate}) once the endpoint is bound, in daemon threads on all cores but
 * one (so that the application finishes starting and serves meanwhile), so that the first
 * handshakes rarely wait for a certificate. A certificate that cannot be loaded is logged
 * as an error naming its key; its host's connections are refused.
 */
final class SniCertificateLoading {

	private static final Log logger = LogFactory.getLog(SniCertificateLoading.class);

	private final String endpointName;

	private final List<SniCertificate> deferred;

	private final AtomicBoolean started = new AtomicBoolean();

	private SniCertificateLoading(String endpointName, List<SniCertificate> deferred) {
		this.endpointName = endpointName;
		this.deferred = deferred;
	}

	static SniCertificateLoading of(ListenOptions endpoint) {
		List<SniCertificate> deferred = endpoint.getSni()
			.values()
			.stream()
			.map(SniOptions::certificate)
			.filter(Objects::nonNull)
			.filter(SniCertificate::isDeferred)
			.distinct()
			.toList();
		if (!deferred.isEmpty()) {
			logger.info(SniMessages.sniCertificatesDeferred(endpoint.getName(), deferred.size()));
		}
		return new SniCertificateLoading(endpoint.getName(), deferred);
	}

	/**
	 * Starts loading in the background, the first time only.
	 */
	void start() {
		if (this.deferred.isEmpty() || !this.started.compareAndSet(false, true)) {
			return;
		}
		ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
		long start = System.nanoTime();
		AtomicInteger failed = new AtomicInteger();
		pool.execute(() -> {
			this.deferred.parallelStream().forEach((certificate) -> {
				try {
					certificate.get();
				}
				catch (KestrelConfigurationException ex) {
					failed.incrementAndGet();
					logger.error(SniMessages.sniCertificateFailed(this.endpointName, certificate.key(),
							ex.getProblem().description()));
				}
			});
			logger.info(SniMessages.sniCertificatesLoaded(this.endpointName, this.deferred.size() - failed.get(),
					failed.get(), (System.nanoTime() - start) / 1_000_000));
			pool.shutdown();
		});
	}

}
