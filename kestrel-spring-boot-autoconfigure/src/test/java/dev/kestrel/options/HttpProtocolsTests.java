package dev.kestrel.options;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link HttpProtocols}.
 */
class HttpProtocolsTests {

	static Stream<Arguments> names() {
		return Stream.of(arguments("Http1", HttpProtocols.HTTP1), arguments("Http2", HttpProtocols.HTTP2),
				arguments("Http1AndHttp2", HttpProtocols.HTTP1_AND_HTTP2), arguments("Http3", HttpProtocols.HTTP3),
				arguments("Http1AndHttp2AndHttp3", HttpProtocols.HTTP1_AND_HTTP2_AND_HTTP3),
				// case-insensitive, as Enum.TryParse(ignoreCase: true)
				arguments("http1", HttpProtocols.HTTP1), arguments("HTTP2", HttpProtocols.HTTP2),
				arguments("http1andhttp2", HttpProtocols.HTTP1_AND_HTTP2),
				arguments("HTTP1ANDHTTP2ANDHTTP3", HttpProtocols.HTTP1_AND_HTTP2_AND_HTTP3),
				// Java constant names
				arguments("HTTP1_AND_HTTP2", HttpProtocols.HTTP1_AND_HTTP2),
				arguments("HTTP1_AND_HTTP2_AND_HTTP3", HttpProtocols.HTTP1_AND_HTTP2_AND_HTTP3),
				arguments("http1_and_http2", HttpProtocols.HTTP1_AND_HTTP2),
				// kebab-case and surrounding blanks
				arguments("http1-and-http2", HttpProtocols.HTTP1_AND_HTTP2), arguments(" Http2 ", HttpProtocols.HTTP2));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("names")
	void nameIsParsed(String value, HttpProtocols expected) {
		assertThat(HttpProtocols.parse(value)).isEqualTo(expected);
	}

	@ParameterizedTest
	@EnumSource(HttpProtocols.class)
	void kestrelNameAndConstantNameRoundTrip(HttpProtocols protocols) {
		assertThat(HttpProtocols.parse(protocols.kestrelName())).isEqualTo(protocols);
		assertThat(HttpProtocols.parse(protocols.name())).isEqualTo(protocols);
		assertThat(protocols).hasToString(protocols.kestrelName());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Http4", "Http1AndHttp3", "Http1, Http2", "3", "h2", "HTTP/1.1", " " })
	void unknownValueFailsNamingTheValue(String value) {
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> HttpProtocols.parse(value))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(ConfigurationMessages.invalidProtocols(value)));
	}

	@ParameterizedTest
	@NullAndEmptySource
	void missingValueFails(String value) {
		assertThatExceptionOfType(KestrelConfigurationException.class).isThrownBy(() -> HttpProtocols.parse(value))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(ConfigurationMessages.invalidProtocols(String.valueOf(value))));
	}

	@Test
	void flagsDescribeTheProtocols() {
		assertThat(HttpProtocols.HTTP1.http1()).isTrue();
		assertThat(HttpProtocols.HTTP1.http2()).isFalse();
		assertThat(HttpProtocols.HTTP1.http3()).isFalse();
		assertThat(HttpProtocols.HTTP2.http1()).isFalse();
		assertThat(HttpProtocols.HTTP2.http2()).isTrue();
		assertThat(HttpProtocols.HTTP1_AND_HTTP2.http1()).isTrue();
		assertThat(HttpProtocols.HTTP1_AND_HTTP2.http2()).isTrue();
		assertThat(HttpProtocols.HTTP1_AND_HTTP2.http3()).isFalse();
		assertThat(HttpProtocols.HTTP3.http1()).isFalse();
		assertThat(HttpProtocols.HTTP3.http3()).isTrue();
		assertThat(HttpProtocols.HTTP1_AND_HTTP2_AND_HTTP3.http1()).isTrue();
		assertThat(HttpProtocols.HTTP1_AND_HTTP2_AND_HTTP3.http2()).isTrue();
		assertThat(HttpProtocols.HTTP1_AND_HTTP2_AND_HTTP3.http3()).isTrue();
	}

}
