package dev.kestrel.options;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;
import dev.kestrel.diagnostics.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link BindingAddress}: Kestrel's URL grammar (S2, S3), stricter about ports.
 */
class BindingAddressTests {

	static Stream<Arguments> validAddresses() {
		return Stream.of(
				// IP literals
				arguments("http://127.0.0.1:5000", "http", "127.0.0.1", 5000, null),
				arguments("http://[::1]:5000", "http", "[::1]", 5000, null),
				arguments("http://0.0.0.0:8080", "http", "0.0.0.0", 8080, null),
				arguments("http://[::]:8080", "http", "[::]", 8080, null),
				// wildcards and host names, kept as written
				arguments("http://*:5000", "http", "*", 5000, null),
				arguments("http://+:5000", "http", "+", 5000, null),
				arguments("http://contoso.com:80", "http", "contoso.com", 80, null),
				arguments("http://localhost:5000", "http", "localhost", 5000, null),
				arguments("http://app.localhost:5000", "http", "app.localhost", 5000, null),
				// default ports by scheme
				arguments("http://127.0.0.1", "http", "127.0.0.1", 80, null),
				arguments("https://127.0.0.1", "https", "127.0.0.1", 443, null),
				arguments("http://[::1]", "http", "[::1]", 80, null),
				arguments("https://[::1]", "https", "[::1]", 443, null),
				arguments("https://localhost", "https", "localhost", 443, null),
				// scheme is case-insensitive and normalised to lower case
				arguments("HTTP://localhost:5000", "http", "localhost", 5000, null),
				arguments("HttpS://localhost:5001", "https", "localhost", 5001, null),
				// port 0 and the port range limits
				arguments("http://127.0.0.1:0", "http", "127.0.0.1", 0, null),
				arguments("http://*:0", "http", "*", 0, null), arguments("http://*:65535", "http", "*", 65535, null),
				arguments("http://127.0.0.1:00080", "http", "127.0.0.1", 80, null),
				// a trailing slash is no path base
				arguments("http://localhost:5000/", "http", "localhost", 5000, null),
				arguments("http://www.example.com/", "http", "www.example.com", 80, null),
				arguments("http://*:0/", "http", "*", 0, null),
				// Unix domain sockets
				arguments("http://unix:/tmp/kestrel.sock", "http", null, 0, "/tmp/kestrel.sock"),
				arguments("https://unix:/tmp/kestrel.sock", "https", null, 0, "/tmp/kestrel.sock"),
				arguments("http://unix:/tmp/kestrel.sock:/", "http", null, 0, "/tmp/kestrel.sock"),
				arguments("http://unix:/tmp/kestrel.sock:", "http", null, 0, "/tmp/kestrel.sock"),
				arguments("http://unix://tmp/kestrel.sock", "http", null, 0, "/tmp/kestrel.sock"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validAddresses")
	void validAddressIsParsed(String url, String scheme, String host, int port, String unixSocketPath) {
		BindingAddress address = BindingAddress.parse(url);
		assertThat(address).isEqualTo(new BindingAddress(scheme, host, port, unixSocketPath));
		assertThat(address.isHttps()).isEqualTo(scheme.equals("https"));
		assertThat(address.isUnixSocket()).isEqualTo(unixSocketPath != null);
	}

	static Stream<Arguments> invalidAddresses() {
		return Stream.of(
				// no "://"
				invalid("127.0.0.1:5000", BindingMessages.invalidUrl("127.0.0.1:5000")),
				invalid("localhost", BindingMessages.invalidUrl("localhost")),
				invalid("http:/localhost:5000", BindingMessages.invalidUrl("http:/localhost:5000")),
				invalid("", BindingMessages.invalidUrl("")),
				// scheme other than http(s), or none
				invalid("ftp://localhost", BindingMessages.unsupportedScheme("ftp://localhost")),
				invalid("ssh://localhost:22", BindingMessages.unsupportedScheme("ssh://localhost:22")),
				invalid("://emptyscheme", BindingMessages.unsupportedScheme("://emptyscheme")),
				invalid(" http://localhost:5000", BindingMessages.unsupportedScheme(" http://localhost:5000")),
				// empty host
				invalid("http://", BindingMessages.invalidUrl("http://")),
				invalid("http://:5000", BindingMessages.invalidUrl("http://:5000")),
				invalid("http://[zz::1]:5000", BindingMessages.invalidUrl("http://[zz::1]:5000")),
				invalid("http://[fe80::1%no-such-interface]:5000",
						BindingMessages.invalidUrl("http://[fe80::1%no-such-interface]:5000")),
				// ports Kestrel silently folds into the host name are errors here
				invalid("http://localhost:abc", BindingMessages.invalidPort("http://localhost:abc", "abc")),
				invalid("http://*:NOTAPORT", BindingMessages.invalidPort("http://*:NOTAPORT", "NOTAPORT")),
				invalid("http://localhost:", BindingMessages.invalidPort("http://localhost:", "")),
				invalid("http://localhost:65536", BindingMessages.invalidPort("http://localhost:65536", "65536")),
				invalid("http://localhost:70000", BindingMessages.invalidPort("http://localhost:70000", "70000")),
				invalid("http://localhost:123456", BindingMessages.invalidPort("http://localhost:123456", "123456")),
				invalid("http://localhost:-1", BindingMessages.invalidPort("http://localhost:-1", "-1")),
				invalid("http://localhost:+80", BindingMessages.invalidPort("http://localhost:+80", "+80")),
				invalid("http://[::1]:", BindingMessages.invalidPort("http://[::1]:", "")),
				invalid("http://localhost:5000?x=1",
						BindingMessages.invalidPort("http://localhost:5000?x=1", "5000?x=1")),
				// path base, with or without a query
				invalid("http://127.0.0.1:0/base", BindingMessages.pathBaseNotSupported("http://127.0.0.1:0/base")),
				invalid("http://www.example.com/foo?bar=baz",
						BindingMessages.pathBaseNotSupported("http://www.example.com/foo?bar=baz")),
				invalid("http://localhost:5000/?x=1",
						BindingMessages.pathBaseNotSupported("http://localhost:5000/?x=1")),
				invalid("http://localhost:5000//", BindingMessages.pathBaseNotSupported("http://localhost:5000//")),
				invalid("http://unix:/tmp/kestrel.sock:5000/x",
						BindingMessages.pathBaseNotSupported("http://unix:/tmp/kestrel.sock:5000/x")),
				// relative Unix socket paths
				invalid("http://unix:tmp/kestrel.sock",
						BindingMessages.unixSocketPathMustBeAbsolute("http://unix:tmp/kestrel.sock")),
				invalid("http://unix:kestrel.sock",
						BindingMessages.unixSocketPathMustBeAbsolute("http://unix:kestrel.sock")),
				invalid("http://unix:", BindingMessages.unixSocketPathMustBeAbsolute("http://unix:")));
	}

	private static Arguments invalid(String url, Problem problem) {
		return arguments(url, problem);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidAddresses")
	void invalidAddressFailsWithKestrelsMessage(String url, Problem problem) {
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> BindingAddress.parse(url))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).isEqualTo(problem);
				assertThat(ex.getMessage()).isEqualTo(problem.description());
			});
	}

	@Test
	void nullAddressIsReportedAsAnEmptyUrl() {
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> BindingAddress.parse(null))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(BindingMessages.invalidUrl("")));
	}

	@Test
	void parseErrorsNameNoEndpointOrKeyUntilTheCallerAddsThem() {
		assertThatExceptionOfType(KestrelConfigurationException.class)
			.isThrownBy(() -> BindingAddress.parse("ftp://localhost"))
			.satisfies((ex) -> {
				assertThat(ex.getEndpointName()).isNull();
				assertThat(ex.getConfigurationKey()).isNull();
			});
	}

	@Test
	void schemeIsRequired() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new BindingAddress(null, "h", 1, null))
			.withMessage("scheme");
	}

}
