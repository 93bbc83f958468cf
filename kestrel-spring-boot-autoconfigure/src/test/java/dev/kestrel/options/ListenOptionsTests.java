package dev.kestrel.options;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.certificates.ServerCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link ListenOptions}: Kestrel's address-to-endpoint mapping (S3.3) and
 * display names (S4.6).
 */
class ListenOptionsTests {

	static Stream<Arguments> addresses() {
		return Stream.of(
				// IP literals bind exactly that address
				arguments("http://127.0.0.1:5000", EndpointKind.IP, "127.0.0.1", 5000, "http://127.0.0.1:5000"),
				arguments("http://127.0.0.1", EndpointKind.IP, "127.0.0.1", 80, "http://127.0.0.1:80"),
				arguments("https://127.0.0.1", EndpointKind.IP, "127.0.0.1", 443, "https://127.0.0.1:443"),
				arguments("http://[::1]:5000", EndpointKind.IP, "::1", 5000, "http://[::1]:5000"),
				arguments("https://[::1]", EndpointKind.IP, "::1", 443, "https://[::1]:443"),
				arguments("http://0.0.0.0:5000", EndpointKind.IP, "0.0.0.0", 5000, "http://0.0.0.0:5000"),
				arguments("http://[::]:5000", EndpointKind.IP, "::", 5000, "http://[::]:5000"),
				arguments("http://127.0.0.1:0", EndpointKind.IP, "127.0.0.1", 0, "http://127.0.0.1:0"),
				arguments("http://[::1]:0", EndpointKind.IP, "::1", 0, "http://[::1]:0"),
				// localhost (and *.localhost) is the IPv4 and IPv6 loopback
				arguments("http://localhost:5000", EndpointKind.LOCALHOST, null, 5000, "http://localhost:5000"),
				arguments("http://LocalHost:5000", EndpointKind.LOCALHOST, null, 5000, "http://localhost:5000"),
				arguments("https://localhost", EndpointKind.LOCALHOST, null, 443, "https://localhost:443"),
				arguments("http://app.localhost:5000", EndpointKind.LOCALHOST, null, 5000, "http://app.localhost:5000"),
				arguments("http://API.App.LOCALHOST:5000", EndpointKind.LOCALHOST, null, 5000,
						"http://api.app.localhost:5000"),
				// wildcards and host names: every address, the name is ignored
				arguments("http://*:5000", EndpointKind.ANY_IP, null, 5000, "http://[::]:5000"),
				arguments("http://+:5000", EndpointKind.ANY_IP, null, 5000, "http://[::]:5000"),
				arguments("http://*:0/", EndpointKind.ANY_IP, null, 0, "http://[::]:0"),
				arguments("http://contoso.com:80", EndpointKind.ANY_IP, null, 80, "http://[::]:80"),
				arguments("https://contoso.com", EndpointKind.ANY_IP, null, 443, "https://[::]:443"),
				arguments("http://randomhost", EndpointKind.ANY_IP, null, 80, "http://[::]:80"),
				arguments("http://www.example.com/", EndpointKind.ANY_IP, null, 80, "http://[::]:80"),
				arguments("http://does-not-exist.invalid:8080", EndpointKind.ANY_IP, null, 8080, "http://[::]:8080"),
				arguments("http://256.1.1.1:80", EndpointKind.ANY_IP, null, 80, "http://[::]:80"),
				arguments("http://pipe:8080", EndpointKind.ANY_IP, null, 8080, "http://[::]:8080"),
				// Unix domain sockets
				arguments("http://unix:/tmp/kestrel.sock", EndpointKind.UNIX_SOCKET, null, 0,
						"http://unix:/tmp/kestrel.sock"),
				arguments("https://unix:/tmp/kestrel.sock:/", EndpointKind.UNIX_SOCKET, null, 0,
						"https://unix:/tmp/kestrel.sock"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("addresses")
	void addressMapsToTheEndpointKindKestrelUses(String url, EndpointKind kind, String ip, int port, String displayName)
			throws Exception {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse(url), EndpointSource.URLS);
		assertThat(options.getKind()).isEqualTo(kind);
		assertThat(options.getAddress()).isEqualTo((ip != null) ? InetAddress.getByName(ip) : null);
		assertThat(options.getPort()).isEqualTo(port);
		assertThat(options.getDisplayName()).isEqualTo(displayName);
		assertThat(options.isHttps()).isEqualTo(url.startsWith("https"));
		assertThat(options.getScheme()).isEqualTo(url.startsWith("https") ? "https" : "http");
		assertThat(options.isTcp()).isEqualTo(kind != EndpointKind.UNIX_SOCKET);
		assertThat(options.getSource()).isEqualTo(EndpointSource.URLS);
		assertThat(options.getName()).isNull();
		assertThat(options.getProtocols()).isEqualTo(HttpProtocols.HTTP1_AND_HTTP2);
		assertThat(options.isProtocolsSetExplicitly()).isFalse();
	}

	@Test
	void unixSocketOptionsKeepThePathAndNoPort() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("http://unix:/run/app.sock"),
				EndpointSource.CONFIGURATION);
		assertThat(options.getUnixSocketPath()).isEqualTo("/run/app.sock");
		assertThat(options.getAddress()).isNull();
		assertThat(options.getPort()).isZero();
	}

	@Test
	void ipv4AndIpv6LiteralsStayInTheirFamily() {
		assertThat(
				ListenOptions.fromAddress(BindingAddress.parse("http://0.0.0.0:80"), EndpointSource.URLS).getAddress())
			.isInstanceOf(Inet4Address.class);
		assertThat(ListenOptions.fromAddress(BindingAddress.parse("http://[::]:80"), EndpointSource.URLS).getAddress())
			.isInstanceOf(Inet6Address.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:0", "https://localhost:0", "http://LOCALHOST:0",
			"http://app.localhost:0", "http://localhost:0/" })
	void dynamicPortOnLocalhostFailsWithKestrelsMessage(String url) {
		BindingAddress address = BindingAddress.parse(url);
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> ListenOptions.fromAddress(address, EndpointSource.URLS))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(BindingMessages.dynamicPortOnLocalhost()));
	}

	@Test
	void displayNameUsesTheBoundPort() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("http://127.0.0.1:0"),
				EndpointSource.URLS);
		assertThat(options.getDisplayName(54321)).isEqualTo("http://127.0.0.1:54321");
		ListenOptions anyIp = ListenOptions.fromAddress(BindingAddress.parse("http://*:0"), EndpointSource.URLS);
		assertThat(anyIp.getDisplayName(40000)).isEqualTo("http://[::]:40000");
	}

	// BUG: Kestrel displays an IPEndPoint in its compressed RFC 5952 form
	// (http://[2001:db8::1]:5000); formatHost
	// uses InetAddress.getHostAddress(), which prints every group
	// (http://[2001:db8:0:0:0:0:0:1]:5000). Only [::]
	// and [::1] are special-cased.
	@Test
	void ipv6DisplayNameIsCompressedAsKestrelPrintsIt() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("http://[2001:db8::1]:5000"),
				EndpointSource.URLS);
		assertThat(options.getDisplayName()).isEqualTo("http://[2001:db8::1]:5000");
	}

	@Test
	void useHttpsWithACertificateTurnsTheEndpointIntoTls() {
		ServerCertificate certificate = TestCertificates.selfSigned("localhost").toServerCertificate();
		ListenOptions options = new KestrelServerOptions().listen(InetAddress.getLoopbackAddress(), 5001,
				(listen) -> listen.useHttps(certificate));
		assertThat(options.isHttps()).isTrue();
		assertThat(options.getHttpsOptions().getServerCertificate()).isSameAs(certificate);
	}

	// BUG: isHttps() is true once useHttps(...) was called, but getScheme() (and so
	// getDisplayName(), the
	// "Now listening on" line and the ports published per endpoint) still looks only at
	// the URL's scheme. Kestrel
	// derives the scheme from IsTls (S4.6), so a code endpoint with UseHttps shows
	// https://127.0.0.1:5001.
	@Test
	void codeEndpointWithUseHttpsIsDisplayedAsHttps() {
		ServerCertificate certificate = TestCertificates.selfSigned("localhost").toServerCertificate();
		ListenOptions options = new KestrelServerOptions().listen(InetAddress.getLoopbackAddress(), 5001,
				(listen) -> listen.useHttps(certificate));
		assertThat(options.getScheme()).isEqualTo("https");
		assertThat(options.getDisplayName()).isEqualTo("https://127.0.0.1:5001");
	}

	@Test
	void protocolsSetInCodeAreMarkedExplicit() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("http://127.0.0.1:5000"),
				EndpointSource.CODE);
		options.protocols(HttpProtocols.HTTP2);
		assertThat(options.getProtocols()).isEqualTo(HttpProtocols.HTTP2);
		assertThat(options.isProtocolsSetExplicitly()).isTrue();
	}

	@Test
	void toStringShowsNameDisplayNameAndProtocols() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("http://127.0.0.1:5000"),
				EndpointSource.CODE);
		assertThat(options).hasToString("http://127.0.0.1:5000 (Http1AndHttp2)");
		options.name("Api").protocols(HttpProtocols.HTTP1);
		assertThat(options).hasToString("Api http://127.0.0.1:5000 (Http1)");
	}

	@Test
	void nameAndProtocolsAreRequired() {
		ListenOptions options = ListenOptions.fromAddress(BindingAddress.parse("http://127.0.0.1:5000"),
				EndpointSource.CODE);
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> options.name(null)).withMessage("name");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> options.protocols(null))
			.withMessage("protocols");
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> ListenOptions.fromAddress(null, EndpointSource.CODE))
			.withMessage("address");
		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> ListenOptions.fromAddress(BindingAddress.parse("http://*:1"), null))
			.withMessage("source");
	}

}
