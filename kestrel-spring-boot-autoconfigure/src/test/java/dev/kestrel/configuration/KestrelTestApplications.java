package dev.kestrel.configuration;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.options.KestrelServerOptions;

/**
 * Runs a real (non-web) {@link SpringApplication} on a given environment, so that
 * environment post-processors and property binding work as in an application, and reads
 * its {@code Kestrel} section.
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
			return KestrelConfigurationReader.read(context.getEnvironment()).configuration();
		}
	}

	/**
	 * Creates server options from the {@code Kestrel} section as the auto-configuration
	 * does, for tests outside this package.
	 * @param environment the environment
	 * @return the server options, with the configuration attached
	 */
	public static KestrelServerOptions serverOptions(Environment environment) {
		KestrelServerOptions options = new KestrelServerOptions();
		options.configure(KestrelConfigurationReader.read(environment).configuration());
		return options;
	}

	/**
	 * An application without beans: tests call the reader on its environment.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PropertiesConfiguration {

	}

	/**
	 * An application that reads its {@code Kestrel} section at startup, as the
	 * auto-configuration does.
	 */
	@Configuration(proxyBeanMethods = false)
	static class SettingsConfiguration {

		@Bean
		KestrelSettings kestrelSettings(Environment environment) {
			return KestrelConfigurationReader.read(environment);
		}

	}

}
