package dev.kestrel.benchmarks.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;

/**
 * Row P7's contender with middleware: with {@code --bench.middleware=true} (and the
 * starter on the classpath) every configured endpoint gets a pass-through connection
 * middleware and connection logging, whose logger stays at INFO. Skipped on the stock
 * classpath: the conditions are read without loading this class.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.kestrel.options.ListenOptions")
@ConditionalOnProperty("bench.middleware")
class ConnectionMiddlewareConfiguration {

	@Bean
	KestrelServerOptionsCustomizer passThroughMiddleware() {
		return (options) -> options.configureEndpointDefaults(
				(listen) -> listen.use((connection, next) -> next.proceed()).useConnectionLogging("bench.connections"));
	}

}
