package dev.kestrel.internal.binding;

import dev.kestrel.configuration.EndpointNames;
import dev.kestrel.configuration.HostingAddresses;
import java.util.ArrayList;
import java.util.List;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.options.BindingAddress;
import dev.kestrel.options.EndpointSource;
import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;

import static java.util.Objects.requireNonNull;

/**
 * Decides which endpoints to bind, with this precedence (highest first):
 * <ol>
 * <li>endpoints declared in code ({@code listen*}) and in configuration
 * ({@code Kestrel.Endpoints}), together</li>
 * <li>an address list: code {@code useUrls}, else {@code urls} / {@code ASPNETCORE_URLS}
 * / {@code DOTNET_URLS} / {@code kestrel.urls} from the environment (a warning is logged
 * when endpoints override it)</li>
 * <li>{@code server.port} / {@code server.address} when set explicitly</li>
 * <li>the default, {@code http://localhost:5000}</li>
 * </ol>
 * {@code server.port=0}, which {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * sets, turns every TCP endpoint chosen by rules 1 and 2 into a dynamic port so that
 * tests never collide.
 */
public final class AddressBinder {

	/** The default address. */
	public static final String DEFAULT_ADDRESS = "http://localhost:5000";

	/**
	 * The default HTTPS address, bound next to {@link #DEFAULT_ADDRESS} when a default
	 * certificate exists and {@code kestrel.default-https} is not {@code false}.
	 */
	public static final String DEFAULT_HTTPS_ADDRESS = "https://localhost:5001";

	private AddressBinder() {
	}

	/**
	 * Plans the binding.
	 * @param options the server options (code and configuration endpoints)
	 * @param hosting the addresses from the environment
	 * @return the plan
	 * @throws KestrelConfigurationException for an invalid endpoint or address
	 */
	public static BindingPlan plan(KestrelServerOptions options, HostingAddresses hosting) {
		requireNonNull(options, "options");
		requireNonNull(hosting, "hosting");
		List<String> warnings = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		List<ListenOptions> configured = options.loadConfigurationEndpoints();
		List<ListenOptions> endpoints = new ArrayList<>(options.getCodeListenOptions());
		endpoints.addAll(configured);
		List<String> urls = options.getUrls().isEmpty() ? hosting.urls() : options.getUrls();
		String urlsSource = options.getUrls().isEmpty() ? hosting.urlsSource() : "code (useUrls)";
		boolean randomPorts = hosting.serverPort() != null && hosting.serverPort() == 0;
		if (!endpoints.isEmpty() && !urls.isEmpty() && hosting.preferHostingUrls()) {
			notes.add(BindingMessages.overridingWithPreferHostingUrls(urls));
			endpoints.clear();
		}
		if (!endpoints.isEmpty()) {
			if (!urls.isEmpty()) {
				warnings.add(BindingMessages.overridingAddresses(urls));
			}
		}
		else if (!urls.isEmpty()) {
			for (String url : urls) {
				endpoints.add(fromUrl(options, url, urlsSource, EndpointSource.URLS, "url-" + endpoints.size()));
			}
		}
		else if (hosting.serverPort() != null) {
			randomPorts = false;
			endpoints.add(fromServerPort(options, hosting));
		}
		else {
			endpoints.add(fromUrl(options, DEFAULT_ADDRESS, "default", EndpointSource.DEFAULT, "default"));
			if (hosting.defaultHttps()) {
				options.defaultCertificate().ifPresent((certificate) -> {
					endpoints.add(fromUrl(options, DEFAULT_HTTPS_ADDRESS, "default", EndpointSource.DEFAULT,
							"default-https"));
					notes.add(BindingMessages.defaultHttpsEndpoint(DEFAULT_HTTPS_ADDRESS,
							certificate.certificate().getSubjectX500Principal().getName(), certificate.thumbprint(),
							!hasConfiguredDefaultCertificate(options)));
				});
			}
		}
		if (hosting.serverPort() != null && hosting.serverPort() != 0
				&& endpoints.get(0).getSource() != EndpointSource.SERVER_PORT) {
			warnings.add(BindingMessages.overridingAddresses(List.of("server.port=" + hosting.serverPort())));
		}
		if (randomPorts) {
			notes.add(BindingMessages.randomPortsForTests("server.port"));
		}
		checkDistinctNames(endpoints);
		boolean random = randomPorts;
		return new BindingPlan(endpoints.stream()
			.map((endpoint) -> random ? PlannedEndpoint.onRandomPort(endpoint) : PlannedEndpoint.of(endpoint))
			.toList(), warnings, notes);
	}

	/**
	 * Creates an endpoint for an address outside the {@code Kestrel} section, named at
	 * creation ({@code url-N}, {@code server}, {@code default}) unless the endpoint
	 * defaults named it.
	 */
	private static ListenOptions fromUrl(KestrelServerOptions options, String url, String source,
			EndpointSource endpointSource, String name) {
		ListenOptions listenOptions;
		try {
			listenOptions = ListenOptions.fromAddress(BindingAddress.parse(url), endpointSource);
		}
		catch (KestrelConfigurationException ex) {
			throw ex.withContext(null, source);
		}
		options.applyEndpointDefaults(listenOptions);
		if (listenOptions.getName() == null) {
			listenOptions.name(name);
		}
		if (listenOptions.isHttps() && listenOptions.getHttpsOptions() == null) {
			try {
				listenOptions.useHttps();
			}
			catch (KestrelConfigurationException ex) {
				throw ex.withContext(null, source);
			}
		}
		return listenOptions;
	}

	private static boolean hasConfiguredDefaultCertificate(KestrelServerOptions options) {
		return options.getConfigurationLoader() != null
				&& options.getConfigurationLoader().getConfiguration().certificates().containsKey("Default");
	}

	private static ListenOptions fromServerPort(KestrelServerOptions options, HostingAddresses hosting) {
		String host = (hosting.serverAddress() != null) ? "[" + hosting.serverAddress().getHostAddress() + "]" : "*";
		if (hosting.serverAddress() != null && hosting.serverAddress().getAddress().length == 4) {
			host = hosting.serverAddress().getHostAddress();
		}
		return fromUrl(options, "http://" + host + ":" + hosting.serverPort(), "server.port",
				EndpointSource.SERVER_PORT, "server");
	}

	private static void checkDistinctNames(List<ListenOptions> endpoints) {
		EndpointNames.checkDistinct(endpoints.stream().map(ListenOptions::getName).toList(), null);
	}

}
