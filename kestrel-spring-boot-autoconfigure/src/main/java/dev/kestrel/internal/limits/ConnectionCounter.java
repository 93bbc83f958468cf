package dev.kestrel.internal.limits;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.LimitsMessages;

/**
 * The open connections of one endpoint against its {@code MaxConcurrentConnections}
 * (Kestrel counts per endpoint). Each refused connection is logged at debug with
 * Kestrel's text; a warning with the count of refused connections is logged at most once
 * per {@value #WARNING_INTERVAL_SECONDS} seconds, so that a flood never logs a warning
 * per connection.
 */
final class ConnectionCounter {

	static final long WARNING_INTERVAL_SECONDS = 10;

	private static final Log logger = LogFactory.getLog(ConnectionCounter.class);

	private final String endpointName;

	private final long limit;

	private final AtomicLong open = new AtomicLong();

	private final AtomicLong rejectedSinceWarning = new AtomicLong();

	private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

	ConnectionCounter(String endpointName, long limit) {
		this.endpointName = endpointName;
		this.limit = limit;
	}

	/**
	 * @return whether a connection may open (then {@link #release()} must follow)
	 */
	boolean tryAcquire() {
		while (true) {
			long current = this.open.get();
			if (current >= this.limit) {
				return false;
			}
			if (this.open.compareAndSet(current, current + 1)) {
				return true;
			}
		}
	}

	void release() {
		this.open.decrementAndGet();
	}

	long open() {
		return this.open.get();
	}

	void rejected(String connectionId) {
		if (logger.isDebugEnabled()) {
			logger.debug(LimitsMessages.connectionRejected(connectionId));
		}
		long count = this.rejectedSinceWarning.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= TimeUnit.SECONDS.toNanos(WARNING_INTERVAL_SECONDS)
				&& this.lastWarning.compareAndSet(last, now)) {
			long reported = this.rejectedSinceWarning.getAndAdd(-count);
			logger.warn(LimitsMessages.connectionsRejected(this.endpointName, Math.max(reported, count), this.limit));
		}
	}

}
