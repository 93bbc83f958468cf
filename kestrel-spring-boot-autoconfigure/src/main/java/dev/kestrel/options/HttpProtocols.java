package dev.kestrel.options;

import java.util.Locale;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.ConfigurationMessages;

/**
 * The HTTP protocols an endpoint serves, as Kestrel names them. The default is
 * {@link #HTTP1_AND_HTTP2}.
 */
public enum HttpProtocols {

	/** HTTP/1.1 only. */
	HTTP1("Http1", true, false, false),

	/** HTTP/2 only: ALPN {@code h2} over TLS, prior-knowledge h2c in cleartext. */
	HTTP2("Http2", false, true, false),

	/** HTTP/1.1 and HTTP/2 (the default). */
	HTTP1_AND_HTTP2("Http1AndHttp2", true, true, false),

	/** HTTP/3 only (QUIC over UDP, TLS required). */
	HTTP3("Http3", false, false, true),

	/** HTTP/1.1, HTTP/2 and HTTP/3. */
	HTTP1_AND_HTTP2_AND_HTTP3("Http1AndHttp2AndHttp3", true, true, true);

	private final String kestrelName;

	private final boolean http1;

	private final boolean http2;

	private final boolean http3;

	HttpProtocols(String kestrelName, boolean http1, boolean http2, boolean http3) {
		this.kestrelName = kestrelName;
		this.http1 = http1;
		this.http2 = http2;
		this.http3 = http3;
	}

	/**
	 * Parses a value as written in configuration: Kestrel's name, case-insensitive
	 * ({@code Http1AndHttp2}, {@code http1andhttp2}), or the Java constant name
	 * ({@code HTTP1_AND_HTTP2}).
	 * @param value the value
	 * @return the protocols
	 * @throws KestrelConfigurationException for an unknown or empty value
	 */
	public static HttpProtocols parse(String value) {
		if (value != null) {
			String normalized = value.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
			for (HttpProtocols protocols : values()) {
				if (protocols.kestrelName.toLowerCase(Locale.ROOT).equals(normalized)) {
					return protocols;
				}
			}
		}
		throw new KestrelConfigurationException(ConfigurationMessages.invalidProtocols(String.valueOf(value)));
	}

	/**
	 * @return whether HTTP/1.1 is served
	 */
	public boolean http1() {
		return this.http1;
	}

	/**
	 * @return whether HTTP/2 is served
	 */
	public boolean http2() {
		return this.http2;
	}

	/**
	 * @return whether HTTP/3 is served
	 */
	public boolean http3() {
		return this.http3;
	}

	/**
	 * @return the name Kestrel uses, e.g. {@code Http1AndHttp2}
	 */
	public String kestrelName() {
		return this.kestrelName;
	}

	/**
	 * @return a one-line description, shown by IDE completion (the configuration
	 * metadata's hints are generated from it)
	 */
	public String description() {
		return switch (this) {
			case HTTP1 -> "HTTP/1.1 only.";
			case HTTP2 -> "HTTP/2 only: h2 over TLS, prior-knowledge h2c in cleartext.";
			case HTTP1_AND_HTTP2 -> "HTTP/1.1 and HTTP/2 (the default).";
			case HTTP3 -> "HTTP/3 only (QUIC over UDP, https only).";
			case HTTP1_AND_HTTP2_AND_HTTP3 -> "HTTP/1.1 and HTTP/2 over TCP, HTTP/3 over QUIC on the same port.";
		};
	}

	@Override
	public String toString() {
		return this.kestrelName;
	}

}
