package dev.kestrel.autoconfigure.actuate;

import java.time.Clock;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.kestrel.autoconfigure.KestrelAutoConfiguration;
import dev.kestrel.configuration.KestrelProperties;
import dev.kestrel.configuration.KestrelSettings;

/**
 * The {@code kestrel} Actuator endpoint and health contributor, when Spring Boot Actuator
 * is present and the starter is active. Nothing here loads without Actuator.
 */
@AutoConfiguration(after = KestrelAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(KestrelSettings.class)
public final class KestrelActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	KestrelEndpoint kestrelEndpoint(ApplicationContext context) {
		return new KestrelEndpoint(new KestrelServers(context));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("kestrel")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "kestrelHealthIndicator")
		HealthIndicator kestrelHealthIndicator(ApplicationContext context, Environment environment) {
			KestrelProperties.Health health = Binder.get(environment)
				.bindOrCreate("kestrel.health", KestrelProperties.Health.class);
			return new KestrelHealthIndicator(new KestrelServers(context), health.getCertificateExpiryThreshold(),
					new Status(health.getCertificateExpiryStatus()), Clock.systemUTC());
		}

	}

}
