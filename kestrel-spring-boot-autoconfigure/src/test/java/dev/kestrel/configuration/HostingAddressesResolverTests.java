package dev.kestrel.configuration;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kestrel.configuration.HostingAddresses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HostingAddressesResolver}: one documented precedence for address
 * lists.
 */
class HostingAddressesResolverTests {

	@Test
	void withNothingSetThereAreNoAddresses() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(TestEnvironments.create().build());
		assertThat(hosting.urls()).isEmpty();
		assertThat(hosting.urlsSource()).isNull();
		assertThat(hosting.serverPort()).isNull();
		assertThat(hosting.serverAddress()).isNull();
	}

	@Test
	void commandLineBeatsEnvironmentVariablesAndApplicationConfig() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(TestEnvironments.create()
			.commandLine("--urls=http://127.0.0.1:1000")
			.environmentVariables("ASPNETCORE_URLS", "http://127.0.0.1:2000")
			.applicationConfig("urls", "http://127.0.0.1:3000")
			.build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:1000");
		assertThat(hosting.urlsSource()).isEqualTo("urls");
	}

	@Test
	void commandLineKestrelUrlsBeatEnvironmentUrls() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(TestEnvironments.create()
			.commandLine("--kestrel.urls=http://127.0.0.1:1000")
			.environmentVariables("URLS", "http://127.0.0.1:2000")
			.build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:1000");
		assertThat(hosting.urlsSource()).isEqualTo("kestrel.urls");
	}

	@Test
	void environmentVariablesBeatApplicationConfig() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(TestEnvironments.create()
			.environmentVariables("ASPNETCORE_URLS", "http://127.0.0.1:2000")
			.applicationConfig("urls", "http://127.0.0.1:3000")
			.build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:2000");
		assertThat(hosting.urlsSource()).isEqualTo("ASPNETCORE_URLS");
	}

	@Test
	void applicationConfigIsUsedWhenNothingElseIsSet() {
		HostingAddresses hosting = HostingAddressesResolver
			.resolve(TestEnvironments.create().applicationConfig("kestrel.urls", "http://127.0.0.1:3000").build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:3000");
		assertThat(hosting.urlsSource()).isEqualTo("kestrel.urls");
	}

	@Test
	void withinEnvironmentVariablesUrlsBeatsAspnetcoreUrlsBeatsDotnetUrlsBeatsKestrelUrls() {
		assertThat(resolveEnvironmentVariables("URLS", "http://a:1", "ASPNETCORE_URLS", "http://b:2", "DOTNET_URLS",
				"http://c:3", "KESTREL_URLS", "http://d:4"))
			.extracting(HostingAddresses::urls, HostingAddresses::urlsSource)
			.containsExactly(List.of("http://a:1"), "urls");
		assertThat(resolveEnvironmentVariables("ASPNETCORE_URLS", "http://b:2", "DOTNET_URLS", "http://c:3",
				"KESTREL_URLS", "http://d:4"))
			.extracting(HostingAddresses::urls, HostingAddresses::urlsSource)
			.containsExactly(List.of("http://b:2"), "ASPNETCORE_URLS");
		assertThat(resolveEnvironmentVariables("DOTNET_URLS", "http://c:3", "KESTREL_URLS", "http://d:4"))
			.extracting(HostingAddresses::urls, HostingAddresses::urlsSource)
			.containsExactly(List.of("http://c:3"), "DOTNET_URLS");
		assertThat(resolveEnvironmentVariables("KESTREL_URLS", "http://d:4"))
			.extracting(HostingAddresses::urls, HostingAddresses::urlsSource)
			.containsExactly(List.of("http://d:4"), "kestrel.urls");
	}

	@Test
	void withinApplicationConfigUrlsBeatsKestrelUrls() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(TestEnvironments.create()
			.applicationConfig("kestrel.urls", "http://127.0.0.1:4000", "urls", "http://127.0.0.1:3000")
			.build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:3000");
		assertThat(hosting.urlsSource()).isEqualTo("urls");
	}

	@Test
	void lowerCaseEnvironmentVariablesAreRecognised() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(
				TestEnvironments.create().environmentVariables("aspnetcore_urls", "http://127.0.0.1:2000").build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:2000");
	}

	@Test
	void listIsSplitOnSemicolonsTrimmedAndEmptyEntriesDropped() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(TestEnvironments.create()
			.environmentVariables("ASPNETCORE_URLS", " http://127.0.0.1:1 ;; http://[::1]:2;  ;http://*:3; ")
			.build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:1", "http://[::1]:2", "http://*:3");
	}

	@Test
	void splitKeepsCommasInsideAnEntry() {
		assertThat(HostingAddressesResolver.split("http://a:1,http://b:2")).containsExactly("http://a:1,http://b:2");
		assertThat(HostingAddressesResolver.split(" ; ")).isEmpty();
	}

	// BUG: Kestrel treats an empty "urls" as unset and falls through to the next setting
	// (S1.4 step 1:
	// string.IsNullOrEmpty(urls) -> WebHostOptions.ServerUrls). Here a blank value in a
	// higher-precedence source
	// (e.g. --urls= or URLS="") wins with an empty list, so
	// ASPNETCORE_URLS/DOTNET_URLS/kestrel.urls are silently
	// ignored and the default http://localhost:5000 is bound instead.
	@Test
	void blankUrlsFallsThroughToTheNextSetting() {
		HostingAddresses hosting = HostingAddressesResolver.resolve(TestEnvironments.create()
			.commandLine("--urls=")
			.environmentVariables("ASPNETCORE_URLS", "http://127.0.0.1:2000")
			.build());
		assertThat(hosting.urls()).containsExactly("http://127.0.0.1:2000");
		assertThat(hosting.urlsSource()).isEqualTo("ASPNETCORE_URLS");
	}

	private static HostingAddresses resolveEnvironmentVariables(String... variables) {
		return HostingAddressesResolver.resolve(TestEnvironments.create().environmentVariables(variables).build());
	}

}
