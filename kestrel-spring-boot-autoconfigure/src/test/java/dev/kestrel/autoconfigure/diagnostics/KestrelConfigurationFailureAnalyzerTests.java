package dev.kestrel.autoconfigure.diagnostics;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import dev.kestrel.configuration.KestrelProperties;
import dev.kestrel.configuration.KestrelTestApplications;
import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.CertificateMessages;
import dev.kestrel.diagnostics.ConfigurationMessages;
import dev.kestrel.diagnostics.Problem;
import dev.kestrel.options.KestrelServerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KestrelConfigurationFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class KestrelConfigurationFailureAnalyzerTests {

	private static final String PASSWORD = "Pa55-w0rd!s3cr3t";

	private final KestrelConfigurationFailureAnalyzer analyzer = new KestrelConfigurationFailureAnalyzer();

	@Test
	void descriptionNamesTheEndpointAndTheKeyAndActionComesFromTheProblem() {
		Problem problem = ConfigurationMessages.endpointMissingUrl("Http");
		KestrelConfigurationException exception = new KestrelConfigurationException("Http",
				"kestrel.endpoints.Http.url", problem, null);
		FailureAnalysis analysis = this.analyzer.analyze(exception);
		assertThat(analysis.getDescription()).contains("'Http'")
			.contains("kestrel.endpoints.Http.url")
			.endsWith(problem.description());
		assertThat(analysis.getAction()).isEqualTo(problem.action());
		assertThat(analysis.getCause()).isSameAs(exception);
	}

	@Test
	void problemWithoutEndpointOrKeyIsDescribedAlone() {
		Problem problem = BindingMessages.invalidUrl("localhost");
		FailureAnalysis analysis = this.analyzer.analyze(new KestrelConfigurationException(problem));
		assertThat(analysis.getDescription()).endsWith(problem.description()).doesNotContain("endpoint '");
		assertThat(analysis.getAction()).isEqualTo(problem.action());
	}

	@Test
	void exceptionIsFoundInsideOtherFailures() {
		KestrelConfigurationException exception = new KestrelConfigurationException(null, "ASPNETCORE_URLS",
				BindingMessages.unsupportedScheme("ftp://x"), null);
		FailureAnalysis analysis = this.analyzer
			.analyze(new IllegalStateException("outer", new BeanCreationException("bean", exception)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("ASPNETCORE_URLS")
			.contains(BindingMessages.unsupportedScheme("ftp://x").description());
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	void runsBeforeSpringBootsAnalyzers() {
		assertThat(this.analyzer.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		// other analyzers need constructor arguments that only Spring Boot supplies: skip
		// them
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(KestrelConfigurationFailureAnalyzer.class);
	}

	@Test
	void analysisOfACertificateOnAnHttpEndpointNeverShowsThePassword() {
		CertificateConfig certificate = new CertificateConfig("server.pfx", null, PASSWORD, null, null, null, null,
				null);
		KestrelConfig configuration = new KestrelConfig(
				List.of(new EndpointConfig("Http", "http://*:8080", null, null, null, certificate, null)), null, null);
		KestrelServerOptions options = new KestrelServerOptions();
		options.configure(configuration);
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> options.getConfigurationLoader().load())
			.satisfies((ex) -> {
				assertThat(ex.getProblem())
					.isEqualTo(CertificateMessages.endpointHasUnusedHttpsConfig("Http", "Certificate"));
				FailureAnalysis analysis = this.analyzer.analyze(ex);
				assertThat(analysis.getDescription()).contains("'Http'")
					.contains("kestrel.endpoints.Http.certificate")
					.doesNotContain(PASSWORD);
				assertThat(analysis.getAction()).doesNotContain(PASSWORD);
				assertThat(ex.getMessage()).doesNotContain(PASSWORD);
			});
	}

	@Test
	void failedApplicationReportsTheAnalysisWithoutThePassword(CapturedOutput output) {
		SpringApplication application = new SpringApplication(FailingConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(
				Map.of("Kestrel.Endpoints.Http.Url", "http://127.0.0.1:8080", "Kestrel.Endpoints.Http.Certificate.Path",
						"server.pfx", "Kestrel.Endpoints.Http.Certificate.Password", PASSWORD));
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		Problem problem = CertificateMessages.endpointHasUnusedHttpsConfig("Http", "Certificate");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("'Http'")
			.contains("(kestrel.endpoints.Http.certificate)")
			.contains(problem.description())
			.contains(problem.action())
			.doesNotContain(PASSWORD);
	}

	@Test
	void failedApplicationWithAnUnsupportedCertificateSectionDoesNotShowThePassword(CapturedOutput output) {
		SpringApplication application = new SpringApplication(FailingConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(Map.of("Kestrel.Certificates.Development.Password", PASSWORD));
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(ConfigurationMessages.notSupportedYet("kestrel.certificates.development.password").description())
			.doesNotContain(PASSWORD);
	}

	/**
	 * What the auto-configuration and the server do with the {@code Kestrel} section
	 * before binding, in a non-web application (no server).
	 */
	@Configuration(proxyBeanMethods = false)
	static class FailingConfiguration {

		@Bean
		KestrelServerOptions kestrelServerOptions(Environment environment) {
			KestrelServerOptions options = KestrelTestApplications.serverOptions(environment);
			options.getConfigurationLoader().load();
			return options;
		}

	}

}
