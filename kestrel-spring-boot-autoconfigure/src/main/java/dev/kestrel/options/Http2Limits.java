package dev.kestrel.options;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Kestrel's {@code Http2Limits}: the settings an HTTP/2 connection advertises and
 * enforces, with Kestrel's defaults. Inherited like every limit
 * ({@link KestrelServerLimits}).
 */
public final class Http2Limits {

	static final String MAX_STREAMS_PER_CONNECTION = "Http2.MaxStreamsPerConnection";

	static final String HEADER_TABLE_SIZE = "Http2.HeaderTableSize";

	static final String MAX_FRAME_SIZE = "Http2.MaxFrameSize";

	static final String MAX_REQUEST_HEADER_FIELD_SIZE = "Http2.MaxRequestHeaderFieldSize";

	static final String INITIAL_CONNECTION_WINDOW_SIZE = "Http2.InitialConnectionWindowSize";

	static final String INITIAL_STREAM_WINDOW_SIZE = "Http2.InitialStreamWindowSize";

	static final String KEEP_ALIVE_PING_DELAY = "Http2.KeepAlivePingDelay";

	static final String KEEP_ALIVE_PING_TIMEOUT = "Http2.KeepAlivePingTimeout";

	/** Kestrel's default {@code MaxStreamsPerConnection}: 100. */
	public static final int DEFAULT_MAX_STREAMS_PER_CONNECTION = 100;

	/** Kestrel's default {@code HeaderTableSize}: 4096. */
	public static final int DEFAULT_HEADER_TABLE_SIZE = 4096;

	/** Kestrel's default {@code MaxFrameSize}: 16 KB. */
	public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024;

	/** Kestrel's default {@code MaxRequestHeaderFieldSize}: 32 KB. */
	public static final int DEFAULT_MAX_REQUEST_HEADER_FIELD_SIZE = 32 * 1024;

	/** Kestrel's default {@code InitialConnectionWindowSize}: 1 MB. */
	public static final int DEFAULT_INITIAL_CONNECTION_WINDOW_SIZE = 1024 * 1024;

	/** Kestrel's default {@code InitialStreamWindowSize}: 768 KB. */
	public static final int DEFAULT_INITIAL_STREAM_WINDOW_SIZE = 768 * 1024;

	/** Kestrel's default {@code KeepAlivePingTimeout}: 20 s. */
	public static final Duration DEFAULT_KEEP_ALIVE_PING_TIMEOUT = Duration.ofSeconds(20);

	private static final int MIN_WINDOW_SIZE = 65_535;

	private static final int MAX_FRAME_SIZE_LIMIT = (1 << 24) - 1;

	final LimitValues values;

	Http2Limits(@Nullable Supplier<@Nullable LimitValues> parent) {
		this.values = new LimitValues(parent);
	}

	/**
	 * @return the most concurrent streams per connection
	 * (SETTINGS_MAX_CONCURRENT_STREAMS; more get {@code REFUSED_STREAM}). Default 100
	 */
	public int getMaxStreamsPerConnection() {
		return this.values.get(MAX_STREAMS_PER_CONNECTION, DEFAULT_MAX_STREAMS_PER_CONNECTION);
	}

	/**
	 * @param value the most concurrent streams (positive)
	 * @return these limits
	 */
	public Http2Limits maxStreamsPerConnection(int value) {
		return set(MAX_STREAMS_PER_CONNECTION, KestrelServerLimits.positive(MAX_STREAMS_PER_CONNECTION, value));
	}

	/**
	 * @return the HPACK dynamic table size (SETTINGS_HEADER_TABLE_SIZE). Default 4096
	 */
	public int getHeaderTableSize() {
		return this.values.get(HEADER_TABLE_SIZE, DEFAULT_HEADER_TABLE_SIZE);
	}

	/**
	 * @param value the table size (0 or more)
	 * @return these limits
	 */
	public Http2Limits headerTableSize(int value) {
		return set(HEADER_TABLE_SIZE, KestrelServerLimits.between(HEADER_TABLE_SIZE, value, 0, Integer.MAX_VALUE));
	}

	/**
	 * @return the largest frame payload accepted (SETTINGS_MAX_FRAME_SIZE; larger frames
	 * get {@code FRAME_SIZE_ERROR}). Default 16 KB
	 */
	public int getMaxFrameSize() {
		return this.values.get(MAX_FRAME_SIZE, DEFAULT_MAX_FRAME_SIZE);
	}

	/**
	 * @param value the largest frame payload (16384 to 16777215)
	 * @return these limits
	 */
	public Http2Limits maxFrameSize(int value) {
		return set(MAX_FRAME_SIZE,
				KestrelServerLimits.between(MAX_FRAME_SIZE, value, DEFAULT_MAX_FRAME_SIZE, MAX_FRAME_SIZE_LIMIT));
	}

	/**
	 * @return the largest single header field after HPACK decoding. Default 32 KB
	 */
	public int getMaxRequestHeaderFieldSize() {
		return this.values.get(MAX_REQUEST_HEADER_FIELD_SIZE, DEFAULT_MAX_REQUEST_HEADER_FIELD_SIZE);
	}

	/**
	 * @param value the largest header field (positive)
	 * @return these limits
	 */
	public Http2Limits maxRequestHeaderFieldSize(int value) {
		return set(MAX_REQUEST_HEADER_FIELD_SIZE, KestrelServerLimits.positive(MAX_REQUEST_HEADER_FIELD_SIZE, value));
	}

	/**
	 * @return the connection's receive window. Default 1 MB
	 */
	public int getInitialConnectionWindowSize() {
		return this.values.get(INITIAL_CONNECTION_WINDOW_SIZE, DEFAULT_INITIAL_CONNECTION_WINDOW_SIZE);
	}

	/**
	 * @param value the connection window (65535 to 2147483647)
	 * @return these limits
	 */
	public Http2Limits initialConnectionWindowSize(int value) {
		return set(INITIAL_CONNECTION_WINDOW_SIZE,
				KestrelServerLimits.between(INITIAL_CONNECTION_WINDOW_SIZE, value, MIN_WINDOW_SIZE, Integer.MAX_VALUE));
	}

	/**
	 * @return each stream's receive window (SETTINGS_INITIAL_WINDOW_SIZE). Default 768 KB
	 */
	public int getInitialStreamWindowSize() {
		return this.values.get(INITIAL_STREAM_WINDOW_SIZE, DEFAULT_INITIAL_STREAM_WINDOW_SIZE);
	}

	/**
	 * @param value the stream window (65535 to 2147483647)
	 * @return these limits
	 */
	public Http2Limits initialStreamWindowSize(int value) {
		return set(INITIAL_STREAM_WINDOW_SIZE,
				KestrelServerLimits.between(INITIAL_STREAM_WINDOW_SIZE, value, MIN_WINDOW_SIZE, Integer.MAX_VALUE));
	}

	/**
	 * @return how long a connection may receive nothing before the server sends a PING;
	 * {@code null} (the default): no pings
	 */
	public @Nullable Duration getKeepAlivePingDelay() {
		return this.values.get(KEEP_ALIVE_PING_DELAY, null);
	}

	/**
	 * @param value the ping delay (positive), or {@code null} for no pings
	 * @return these limits
	 */
	public Http2Limits keepAlivePingDelay(@Nullable Duration value) {
		return set(KEEP_ALIVE_PING_DELAY,
				(value != null) ? KestrelServerLimits.positive(KEEP_ALIVE_PING_DELAY, value) : null);
	}

	/**
	 * @return how long a PING may wait for its ACK before the connection is closed.
	 * Default 20 s
	 */
	public Duration getKeepAlivePingTimeout() {
		return this.values.get(KEEP_ALIVE_PING_TIMEOUT, DEFAULT_KEEP_ALIVE_PING_TIMEOUT);
	}

	/**
	 * @param value the ping timeout (positive)
	 * @return these limits
	 */
	public Http2Limits keepAlivePingTimeout(Duration value) {
		return set(KEEP_ALIVE_PING_TIMEOUT, KestrelServerLimits.positive(KEEP_ALIVE_PING_TIMEOUT, value));
	}

	private Http2Limits set(String name, @Nullable Object value) {
		this.values.set(name, value);
		return this;
	}

}
