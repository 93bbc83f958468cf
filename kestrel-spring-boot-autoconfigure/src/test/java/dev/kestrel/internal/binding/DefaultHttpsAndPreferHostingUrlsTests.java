package dev.kestrel.internal.binding;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.kestrel.certificates.ServerCertificate;
import dev.kestrel.certificates.StoreLocation;
import dev.kestrel.configuration.CertificateConfig;
import dev.kestrel.configuration.EndpointConfig;
import dev.kestrel.configuration.HostingAddresses;
import dev.kestrel.configuration.KestrelConfig;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.options.CertificateProvider;
import dev.kestrel.options.EndpointSource;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.testing.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default binding's {@code https://localhost:5001} ({@code kestrel.default-https})
 * and {@code kestrel.prefer-hosting-urls}, as planned by {@link AddressBinder}.
 */
class DefaultHttpsAndPreferHostingUrlsTests {

	private static final ServerCertificate DEVELOPMENT = TestCertificates.selfSigned("localhost").toServerCertificate();

	private static final ServerCertificate CONFIGURED = TestCertificates.selfSigned("configured.example")
		.toServerCertificate();

	private final KestrelServerOptions options = new KestrelServerOptions();

	@Test
	void withADevelopmentCertificateTheDefaultAddsHttpsLocalhost5001AndSaysHowToTrustIt() {
		this.options.certificateProvider(new Provider(Optional.of(DEVELOPMENT)));
		BindingPlan plan = AddressBinder.plan(this.options, HostingAddresses.NONE);
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName)
			.containsExactly("http://localhost:5000", "https://localhost:5001");
		assertThat(plan.endpoints().get(1).options().getSource()).isEqualTo(EndpointSource.DEFAULT);
		assertThat(plan.endpoints().get(1).name()).isEqualTo("default-https");
		assertThat(plan.endpoints().get(1).options().getHttpsOptions().getServerCertificate()).isEqualTo(DEVELOPMENT);
		assertThat(plan.notes()).containsExactly(BindingMessages.defaultHttpsEndpoint("https://localhost:5001",
				"CN=localhost", DEVELOPMENT.thumbprint(), true));
		assertThat(plan.notes().get(0)).contains("the development certificate CN=localhost",
				"java -jar kestrel-dev-certs.jar https --trust", "kestrel.default-https=false");
	}

	@Test
	void certificatesDefaultIsTheDefaultEndpointsCertificateAndTheLogSaysSo() {
		this.options.certificateProvider(new Provider(Optional.of(DEVELOPMENT)));
		this.options.configure(new KestrelConfig(List.of(), null,
				Map.of("Default", new CertificateConfig("/c.pfx", null, null, null, null, null, null, null))));
		BindingPlan plan = AddressBinder.plan(this.options, HostingAddresses.NONE);
		assertThat(plan.endpoints().get(1).options().getHttpsOptions().getServerCertificate()).isEqualTo(CONFIGURED);
		assertThat(plan.notes().get(0)).contains("Certificates.Default CN=configured.example")
			.doesNotContain("dev-certs");
	}

	@Test
	void defaultHttpsFalseBindsOnlyHttpLocalhost5000() {
		this.options.certificateProvider(new Provider(Optional.of(DEVELOPMENT)));
		BindingPlan plan = AddressBinder.plan(this.options, HostingAddresses.NONE.withPolicy(false, false));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName).containsExactly("http://localhost:5000");
		assertThat(plan.notes()).isEmpty();
	}

	@Test
	void withoutAnyDefaultCertificateOnlyHttpLocalhost5000IsBound() {
		this.options.certificateProvider(new Provider(Optional.empty()));
		assertThat(AddressBinder.plan(this.options, HostingAddresses.NONE).endpoints())
			.extracting(PlannedEndpoint::displayName)
			.containsExactly("http://localhost:5000");
	}

	@Test
	void configuredEndpointsNeverGetTheDefaultHttpsEndpoint() {
		this.options.certificateProvider(new Provider(Optional.of(DEVELOPMENT)));
		this.options.listenLocalhost(6000);
		assertThat(AddressBinder.plan(this.options, HostingAddresses.NONE).endpoints())
			.extracting(PlannedEndpoint::displayName)
			.containsExactly("http://localhost:6000");
	}

	@Test
	void preferHostingUrlsLetsTheAddressListWinOverEndpointsAndSaysSoAtInfo() {
		this.options
			.configure(new KestrelConfig(List.of(EndpointConfig.of("Http", "http://127.0.0.1:6001")), null, null));
		this.options.listenLocalhost(6002);
		HostingAddresses hosting = new HostingAddresses(List.of("http://127.0.0.1:6003"), "urls", null, null)
			.withPolicy(true, true);
		BindingPlan plan = AddressBinder.plan(this.options, hosting);
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName).containsExactly("http://127.0.0.1:6003");
		assertThat(plan.warnings()).isEmpty();
		assertThat(plan.notes())
			.containsExactly(BindingMessages.overridingWithPreferHostingUrls(List.of("http://127.0.0.1:6003")));
	}

	@Test
	void preferHostingUrlsWithoutAnAddressListKeepsTheEndpoints() {
		this.options.listenLocalhost(6002);
		BindingPlan plan = AddressBinder.plan(this.options, HostingAddresses.NONE.withPolicy(true, true));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName).containsExactly("http://localhost:6002");
		assertThat(plan.notes()).isEmpty();
	}

	@Test
	void withoutPreferHostingUrlsEndpointsWinWithKestrelsWarning() {
		this.options.listenLocalhost(6002);
		BindingPlan plan = AddressBinder.plan(this.options,
				new HostingAddresses(List.of("http://127.0.0.1:6003"), "urls", null, null));
		assertThat(plan.endpoints()).extracting(PlannedEndpoint::displayName).containsExactly("http://localhost:6002");
		assertThat(plan.warnings())
			.containsExactly(BindingMessages.overridingAddresses(List.of("http://127.0.0.1:6003")));
	}

	private static final class Provider implements CertificateProvider {

		private final Optional<ServerCertificate> development;

		Provider(Optional<ServerCertificate> development) {
			this.development = development;
		}

		@Override
		public Optional<ServerCertificate> load(String endpointName, String keyPrefix, CertificateConfig config) {
			return config.isEmpty() ? Optional.empty() : Optional.of(CONFIGURED);
		}

		@Override
		public Optional<ServerCertificate> developmentCertificate() {
			return this.development;
		}

		@Override
		public ServerCertificate loadFile(String fileName, String password) {
			return CONFIGURED;
		}

		@Override
		public ServerCertificate loadFromStore(String storeName, String subject, boolean allowInvalid,
				StoreLocation location) {
			return CONFIGURED;
		}

	}

}
