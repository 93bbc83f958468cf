package dev.kestrel.options;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * Kestrel's {@code KestrelServerLimits}: the limits that protect the server from slow
 * clients, oversized requests and connection floods, with Kestrel's names and defaults.
 * <p>
 * There is one set for the server ({@link KestrelServerOptions#getLimits()}) and, beyond
 * Kestrel, one per endpoint ({@link ListenOptions#getLimits()}) and per SNI entry: a
 * value set there overrides the server's; a value not set is inherited. {@code null}
 * means unlimited (or off) where Kestrel allows it. Invalid values are refused at once
 * with Kestrel's rules.
 *
 * <pre class="code">
 * options.getLimits().maxRequestBodySize(10_000_000L).keepAliveTimeout(Duration.ofMinutes(1));
 * options.listenLocalhost(5100, (listen) -&gt; listen.getLimits().maxConcurrentConnections(100L));
 * </pre>
 */
public final class KestrelServerLimits {

	static final String MAX_CONCURRENT_CONNECTIONS = "MaxConcurrentConnections";

	static final String MAX_CONCURRENT_UPGRADED_CONNECTIONS = "MaxConcurrentUpgradedConnections";

	static final String MAX_REQUEST_BODY_SIZE = "MaxRequestBodySize";

	static final String MAX_REQUEST_BUFFER_SIZE = "MaxRequestBufferSize";

	static final String MAX_RESPONSE_BUFFER_SIZE = "MaxResponseBufferSize";

	static final String MAX_REQUEST_LINE_SIZE = "MaxRequestLineSize";

	static final String MAX_REQUEST_HEADERS_TOTAL_SIZE = "MaxRequestHeadersTotalSize";

	static final String MAX_REQUEST_HEADER_COUNT = "MaxRequestHeaderCount";

	static final String KEEP_ALIVE_TIMEOUT = "KeepAliveTimeout";

	static final String REQUEST_HEADERS_TIMEOUT = "RequestHeadersTimeout";

	static final String MIN_REQUEST_BODY_DATA_RATE = "MinRequestBodyDataRate";

	static final String MIN_RESPONSE_DATA_RATE = "MinResponseDataRate";

	/** Kestrel's default {@code MaxRequestBodySize}: 30,000,000 bytes (about 28.6 MB). */
	public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 30_000_000L;

	/** Kestrel's default {@code MaxRequestBufferSize}: 1 MB. */
	public static final long DEFAULT_MAX_REQUEST_BUFFER_SIZE = 1024 * 1024L;

	/** Kestrel's default {@code MaxResponseBufferSize}: 64 KB. */
	public static final long DEFAULT_MAX_RESPONSE_BUFFER_SIZE = 64 * 1024L;

	/** Kestrel's default {@code MaxRequestLineSize}: 8 KB. */
	public static final int DEFAULT_MAX_REQUEST_LINE_SIZE = 8 * 1024;

	/** Kestrel's default {@code MaxRequestHeadersTotalSize}: 32 KB. */
	public static final int DEFAULT_MAX_REQUEST_HEADERS_TOTAL_SIZE = 32 * 1024;

	/** Kestrel's default {@code MaxRequestHeaderCount}: 100. */
	public static final int DEFAULT_MAX_REQUEST_HEADER_COUNT = 100;

	/** Kestrel's default {@code KeepAliveTimeout}: 130 seconds. */
	public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(130);

	/** Kestrel's default {@code RequestHeadersTimeout}: 30 seconds. */
	public static final Duration DEFAULT_REQUEST_HEADERS_TIMEOUT = Duration.ofSeconds(30);

	private final LimitValues values;

	private final Http2Limits http2;

	private final Http3Limits http3;

	/**
	 * Creates the server's limits, with Kestrel's defaults.
	 */
	public KestrelServerLimits() {
		this(null);
	}

	/**
	 * Creates limits that inherit every value not set on them.
	 * @param parent supplies the limits inherited from, or {@code null} for Kestrel's
	 * defaults
	 */
	KestrelServerLimits(@Nullable Supplier<@Nullable KestrelServerLimits> parent) {
		this.values = new LimitValues((parent != null) ? () -> values(parent.get()) : null);
		this.http2 = new Http2Limits((parent != null) ? () -> http2Values(parent.get()) : null);
		this.http3 = new Http3Limits((parent != null) ? () -> http3Values(parent.get()) : null);
	}

	private static @Nullable LimitValues values(@Nullable KestrelServerLimits limits) {
		return (limits != null) ? limits.values : null;
	}

	private static @Nullable LimitValues http2Values(@Nullable KestrelServerLimits limits) {
		return (limits != null) ? limits.http2.values : null;
	}

	private static @Nullable LimitValues http3Values(@Nullable KestrelServerLimits limits) {
		return (limits != null) ? limits.http3.values : null;
	}

	/**
	 * @return the most open connections of an endpoint; more are closed at once.
	 * {@code null} (the default): unlimited
	 */
	public @Nullable Long getMaxConcurrentConnections() {
		return this.values.get(MAX_CONCURRENT_CONNECTIONS, null);
	}

	/**
	 * @param value the most open connections per endpoint, or {@code null} for no limit
	 * @return these limits
	 */
	public KestrelServerLimits maxConcurrentConnections(@Nullable Long value) {
		return set(MAX_CONCURRENT_CONNECTIONS, nullOrAtLeast(MAX_CONCURRENT_CONNECTIONS, value, 0));
	}

	/**
	 * @return the most upgraded (WebSocket) connections; {@code null} (the default):
	 * unlimited
	 */
	public @Nullable Long getMaxConcurrentUpgradedConnections() {
		return this.values.get(MAX_CONCURRENT_UPGRADED_CONNECTIONS, null);
	}

	/**
	 * @param value the most upgraded connections, or {@code null} for no limit
	 * @return these limits
	 */
	public KestrelServerLimits maxConcurrentUpgradedConnections(@Nullable Long value) {
		return set(MAX_CONCURRENT_UPGRADED_CONNECTIONS, nullOrAtLeast(MAX_CONCURRENT_UPGRADED_CONNECTIONS, value, 0));
	}

	/**
	 * @return the largest request body in bytes (413 when exceeded); {@code null}:
	 * unlimited. Default 30,000,000
	 */
	public @Nullable Long getMaxRequestBodySize() {
		return this.values.get(MAX_REQUEST_BODY_SIZE, DEFAULT_MAX_REQUEST_BODY_SIZE);
	}

	/**
	 * @param value the largest request body in bytes, or {@code null} for no limit
	 * @return these limits
	 */
	public KestrelServerLimits maxRequestBodySize(@Nullable Long value) {
		return set(MAX_REQUEST_BODY_SIZE, nullOrAtLeast(MAX_REQUEST_BODY_SIZE, value, 0));
	}

	/**
	 * @return the most request bytes buffered per connection before reads pause;
	 * {@code null}: unlimited. Default 1 MB
	 */
	public @Nullable Long getMaxRequestBufferSize() {
		return this.values.get(MAX_REQUEST_BUFFER_SIZE, DEFAULT_MAX_REQUEST_BUFFER_SIZE);
	}

	/**
	 * @param value the request buffer size in bytes (positive), or {@code null}
	 * @return these limits
	 */
	public KestrelServerLimits maxRequestBufferSize(@Nullable Long value) {
		return set(MAX_REQUEST_BUFFER_SIZE, nullOrAtLeast(MAX_REQUEST_BUFFER_SIZE, value, 1));
	}

	/**
	 * @return the most response bytes buffered per connection before writes wait;
	 * {@code null}: unlimited. Default 64 KB
	 */
	public @Nullable Long getMaxResponseBufferSize() {
		return this.values.get(MAX_RESPONSE_BUFFER_SIZE, DEFAULT_MAX_RESPONSE_BUFFER_SIZE);
	}

	/**
	 * @param value the response buffer size in bytes (0 or more), or {@code null}
	 * @return these limits
	 */
	public KestrelServerLimits maxResponseBufferSize(@Nullable Long value) {
		return set(MAX_RESPONSE_BUFFER_SIZE, nullOrAtLeast(MAX_RESPONSE_BUFFER_SIZE, value, 0));
	}

	/**
	 * @return the largest request line in bytes, its CRLF included (HTTP/1.1: 414 when
	 * exceeded). Default 8 KB
	 */
	public int getMaxRequestLineSize() {
		return this.values.get(MAX_REQUEST_LINE_SIZE, DEFAULT_MAX_REQUEST_LINE_SIZE);
	}

	/**
	 * @param value the largest request line in bytes (positive)
	 * @return these limits
	 */
	public KestrelServerLimits maxRequestLineSize(int value) {
		return set(MAX_REQUEST_LINE_SIZE, positive(MAX_REQUEST_LINE_SIZE, value));
	}

	/**
	 * @return the largest header section in bytes (HTTP/1.1: every header line with its
	 * CRLF; 431 when exceeded). Default 32 KB
	 */
	public int getMaxRequestHeadersTotalSize() {
		return this.values.get(MAX_REQUEST_HEADERS_TOTAL_SIZE, DEFAULT_MAX_REQUEST_HEADERS_TOTAL_SIZE);
	}

	/**
	 * @param value the largest header section in bytes (positive)
	 * @return these limits
	 */
	public KestrelServerLimits maxRequestHeadersTotalSize(int value) {
		return set(MAX_REQUEST_HEADERS_TOTAL_SIZE, positive(MAX_REQUEST_HEADERS_TOTAL_SIZE, value));
	}

	/**
	 * @return the most header fields of a request (431 when exceeded). Default 100
	 */
	public int getMaxRequestHeaderCount() {
		return this.values.get(MAX_REQUEST_HEADER_COUNT, DEFAULT_MAX_REQUEST_HEADER_COUNT);
	}

	/**
	 * @param value the most header fields (positive)
	 * @return these limits
	 */
	public KestrelServerLimits maxRequestHeaderCount(int value) {
		return set(MAX_REQUEST_HEADER_COUNT, positive(MAX_REQUEST_HEADER_COUNT, value));
	}

	/**
	 * @return how long an idle connection waits for its next request. Default 130 s
	 */
	public Duration getKeepAliveTimeout() {
		return this.values.get(KEEP_ALIVE_TIMEOUT, DEFAULT_KEEP_ALIVE_TIMEOUT);
	}

	/**
	 * @param value the keep-alive timeout (positive)
	 * @return these limits
	 */
	public KestrelServerLimits keepAliveTimeout(Duration value) {
		return set(KEEP_ALIVE_TIMEOUT, positive(KEEP_ALIVE_TIMEOUT, value));
	}

	/**
	 * @return how long a request's line and headers may take to arrive, from their first
	 * byte (408 when exceeded). Default 30 s
	 */
	public Duration getRequestHeadersTimeout() {
		return this.values.get(REQUEST_HEADERS_TIMEOUT, DEFAULT_REQUEST_HEADERS_TIMEOUT);
	}

	/**
	 * @param value the request headers timeout (positive)
	 * @return these limits
	 */
	public KestrelServerLimits requestHeadersTimeout(Duration value) {
		return set(REQUEST_HEADERS_TIMEOUT, positive(REQUEST_HEADERS_TIMEOUT, value));
	}

	/**
	 * @return the slowest a request body may arrive; {@code null}: no minimum. Default
	 * 240 bytes/s after 5 s
	 */
	public @Nullable MinDataRate getMinRequestBodyDataRate() {
		return this.values.get(MIN_REQUEST_BODY_DATA_RATE, MinDataRate.DEFAULT);
	}

	/**
	 * @param value the minimum request body rate, or {@code null} for none
	 * @return these limits
	 */
	public KestrelServerLimits minRequestBodyDataRate(@Nullable MinDataRate value) {
		return set(MIN_REQUEST_BODY_DATA_RATE, value);
	}

	/**
	 * @return the slowest a client may read a response; {@code null}: no minimum. Default
	 * 240 bytes/s after 5 s
	 */
	public @Nullable MinDataRate getMinResponseDataRate() {
		return this.values.get(MIN_RESPONSE_DATA_RATE, MinDataRate.DEFAULT);
	}

	/**
	 * @param value the minimum response rate, or {@code null} for none
	 * @return these limits
	 */
	public KestrelServerLimits minResponseDataRate(@Nullable MinDataRate value) {
		return set(MIN_RESPONSE_DATA_RATE, value);
	}

	/**
	 * @return the HTTP/2 limits
	 */
	public Http2Limits getHttp2() {
		return this.http2;
	}

	/**
	 * @return the HTTP/3 limits
	 */
	public Http3Limits getHttp3() {
		return this.http3;
	}

	/**
	 * @param name a Kestrel key name, e.g. {@code MaxRequestBodySize}
	 * @return whether these limits set it themselves (rather than inherit it)
	 */
	boolean isSetHere(String name) {
		return values(name).isSetHere(name);
	}

	/**
	 * Tells where the effective value of a limit comes from, for messages.
	 * @param name the Kestrel name, e.g. {@code MaxRequestBodySize} or
	 * {@code Http2.MaxFrameSize}
	 * @return the configuration key that set it (e.g.
	 * {@code kestrel.endpoints.Api.limits.max-request-body-size}), or {@code null} when
	 * code set it or it is Kestrel's default
	 */
	public @Nullable String configurationKey(String name) {
		requireNonNull(name, "name");
		return values(name).origin(name);
	}

	void origin(String name, String configurationKey) {
		values(name).origin(name, configurationKey);
	}

	private LimitValues values(String name) {
		if (name.startsWith("Http2.")) {
			return this.http2.values;
		}
		return name.startsWith("Http3.") ? this.http3.values : this.values;
	}

	private KestrelServerLimits set(String name, @Nullable Object value) {
		this.values.set(name, value);
		return this;
	}

	static @Nullable Long nullOrAtLeast(String name, @Nullable Long value, long minimum) {
		if (value != null && value < minimum) {
			throw new IllegalArgumentException(name + ": " + value + " (expected: null or " + minimum + " or more)");
		}
		return value;
	}

	static int positive(String name, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException(name + ": " + value + " (expected: greater than 0)");
		}
		return value;
	}

	static int between(String name, int value, int minimum, int maximum) {
		if (value < minimum || value > maximum) {
			throw new IllegalArgumentException(name + ": " + value + " (expected: " + minimum + "-" + maximum + ")");
		}
		return value;
	}

	static Duration positive(String name, Duration value) {
		requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + ": " + value + " (expected: a positive duration)");
		}
		return value;
	}

}
