package dev.kestrel.options;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A minimum data rate (Kestrel's {@code MinDataRate}): a connection slower than
 * {@code bytesPerSecond}, once {@code gracePeriod} has passed, is cut.
 *
 * @param bytesPerSecond the minimum rate in bytes per second (0 or more)
 * @param gracePeriod how long the rate may stay below the minimum (over one second unless
 * the rate is 0)
 */
public record MinDataRate(double bytesPerSecond, Duration gracePeriod) {

	/** Kestrel's default for both data rates: 240 bytes/s with a 5 s grace period. */
	public static final MinDataRate DEFAULT = new MinDataRate(240, Duration.ofSeconds(5));

	public MinDataRate {
		requireNonNull(gracePeriod, "gracePeriod");
		if (bytesPerSecond < 0 || Double.isNaN(bytesPerSecond)) {
			throw new IllegalArgumentException("bytesPerSecond: " + bytesPerSecond + " (expected: 0 or more)");
		}
		if (bytesPerSecond != 0 && gracePeriod.compareTo(Duration.ofSeconds(1)) <= 0) {
			throw new IllegalArgumentException("gracePeriod: " + gracePeriod + " (expected: over 1 second)");
		}
	}

}
