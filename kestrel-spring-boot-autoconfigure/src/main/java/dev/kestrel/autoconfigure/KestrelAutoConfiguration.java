package dev.kestrel.autoconfigure;

import dev.kestrel.configuration.ConfigurationSectionReader;
import dev.kestrel.configuration.HostingConfigReader;
import dev.kestrel.configuration.KestrelConfigurationReader;
import dev.kestrel.configuration.KestrelSettings;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.ReactorNettyConfigurations.ReactorResourceFactoryConfiguration;
import org.springframework.boot.web.server.reactive.ReactiveWebServerFactory;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.autoconfigure.tls.DefaultCertificateProvider;
import dev.kestrel.hosting.ServerAddresses;
import dev.kestrel.autoconfigure.tls.SslBundleCertificates;
import dev.kestrel.options.CertificateProvider;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.metrics.ConnectionMetrics;
import dev.kestrel.internal.server.KestrelReactiveWebServerFactory;

/**
 * Replaces Spring Boot's single-port Reactor Netty server with one that binds every
 * Kestrel endpoint. Runs before {@link NettyReactiveWebServerAutoConfiguration} (whose
 * factory then backs off, while its {@code server.netty.*} customizer still applies);
 * backs off itself when the application defines a {@link ReactiveWebServerFactory}, and
 * is disabled with {@code kestrel.enabled=false}.
 */
@AutoConfiguration(before = NettyReactiveWebServerAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHttpInputMessage.class, HttpServer.class })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnProperty(prefix = "kestrel", name = "enabled", matchIfMissing = true)
@Import(ReactorResourceFactoryConfiguration.class)
@ImportRuntimeHints(KestrelRuntimeHints.class)
public final class KestrelAutoConfiguration {

	@Bean
	KestrelSettings kestrelSettings(Environment environment) {
		return KestrelConfigurationReader.read(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	CertificateProvider kestrelCertificateProvider(KestrelSettings settings, ObjectProvider<SslBundles> sslBundles) {
		return new DefaultCertificateProvider(Path.of("").toAbsolutePath(), new SslBundleCertificates(sslBundles),
				settings.developmentCertificateAutoCreate(), CertificateStore::currentUserRoot, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	KestrelServerOptions kestrelServerOptions(KestrelSettings settings, CertificateProvider certificateProvider,
			ObjectProvider<KestrelServerOptionsCustomizer> customizers, Environment environment) {
		KestrelServerOptions options = new KestrelServerOptions();
		options.certificateProvider(certificateProvider);
		if (environment instanceof ConfigurableEnvironment configurable) {
			options.configurationSectionReader((section) -> ConfigurationSectionReader.read(configurable, section));
		}
		options.configure(settings.configuration());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(options));
		return options;
	}

	@Bean
	@ConditionalOnMissingBean(ReactiveWebServerFactory.class)
	KestrelReactiveWebServerFactory kestrelReactiveWebServerFactory(KestrelServerOptions options,
			KestrelSettings settings, ReactorResourceFactory resourceFactory, ObjectProvider<NettyRouteProvider> routes,
			ObjectProvider<NettyServerCustomizer> serverCustomizers, Environment environment,
			ObjectProvider<ConnectionMetrics> metrics) {
		KestrelReactiveWebServerFactory factory = new KestrelReactiveWebServerFactory();
		factory.setTls(settings.tls());
		factory.setHostingConfig(HostingConfigReader.read(environment));
		factory.setServerOptions(options);
		factory.setHostingAddresses(settings.hostingAddresses());
		factory.setCleartextHttp2(settings.cleartextHttp2());
		factory.setServerHeader(settings.serverHeader());
		factory.setResourceFactory(resourceFactory);
		metrics.ifAvailable(factory::setConnectionMetrics);
		routes.orderedStream().forEach(factory::addRouteProviders);
		factory.getServerCustomizers().addAll(serverCustomizers.orderedStream().toList());
		return factory;
	}

	@Bean
	@ConditionalOnMissingBean(ServerAddresses.class)
	static KestrelServerAddresses kestrelServerAddresses() {
		return new KestrelServerAddresses();
	}

	@Bean
	static KestrelPortsPublisher kestrelPortsPublisher() {
		return new KestrelPortsPublisher();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorConfiguration {

		@Bean
		SanitizingFunction kestrelSanitizingFunction() {
			return new KestrelSanitizingFunction();
		}

	}

}
