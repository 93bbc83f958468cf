package dev.kestrel.autoconfigure.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import dev.kestrel.internal.metrics.ConnectionMetrics;
import dev.kestrel.internal.metrics.KestrelMeters;

/**
 * Kestrel's meters on every endpoint, when Micrometer is present (and
 * {@code kestrel.metrics.enabled} is not {@code false}). They go to the application's
 * {@link MeterRegistry} (Micrometer's global registry when it has none), looked up at the
 * first connection. Without Micrometer no class of {@code dev.kestrel.internal.metrics}
 * but the Micrometer-free {@link ConnectionMetrics} interface is loaded.
 */
@AutoConfiguration(beforeName = "dev.kestrel.autoconfigure.KestrelAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnProperty(prefix = "kestrel", name = { "enabled", "metrics.enabled" }, matchIfMissing = true)
public final class KestrelMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ConnectionMetrics.class)
	KestrelMeters kestrelMeters(ObjectProvider<MeterRegistry> registry) {
		return new KestrelMeters(() -> registry.getIfAvailable(() -> Metrics.globalRegistry));
	}

}
