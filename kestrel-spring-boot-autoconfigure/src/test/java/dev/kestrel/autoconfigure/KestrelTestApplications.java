package dev.kestrel.autoconfigure;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import dev.kestrel.config.KestrelConfig;
import dev.kestrel.options.KestrelServerOptions;

/**
 * Runs a real (non-web) {@link SpringApplication} on a given environment, so that environment post-processors and
 * property binding work as in an application, and reads its {@code Kestrel} section.
 */
public final class KestrelTestApplications {

	private KestrelTestApplications() {
	}

	static KestrelConfig run(ConfigurableEnvironment environment) {
		SpringApplication application = new SpringApplication(PropertiesConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setEnvironment(environment);
		try (ConfigurableApplicationContext context = application.run()) {
			return KestrelConfigurationReader.read(context.getBean(KestrelProperties.class), context.getEnvironment());
		}
	}

	/**
	 * Creates server options from the {@code Kestrel} section as the auto-configuration does, for tests outside this
	 * package.
	 * @param properties the bound properties
	 * @param environment the environment
	 * @return the server options, with the configuration attached
	 */
	public static KestrelServerOptions serverOptions(KestrelProperties properties, Environment environment) {
		KestrelServerOptions options = new KestrelServerOptions();
		options.configure(KestrelConfigurationReader.read(properties, environment));
		return options;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(KestrelProperties.class)
	static class PropertiesConfiguration {

	}

}
