package dev.kestrel.options;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Kestrel's {@code Http3Limits}. Inherited like every limit
 * ({@link KestrelServerLimits}).
 */
public final class Http3Limits {

	static final String MAX_REQUEST_HEADER_FIELD_SIZE = "Http3.MaxRequestHeaderFieldSize";

	/** Kestrel's default {@code MaxRequestHeaderFieldSize}: 32 KB. */
	public static final int DEFAULT_MAX_REQUEST_HEADER_FIELD_SIZE = 32 * 1024;

	final LimitValues values;

	Http3Limits(@Nullable Supplier<@Nullable LimitValues> parent) {
		this.values = new LimitValues(parent);
	}

	/**
	 * @return the largest header field section after QPACK decoding. Default 32 KB
	 */
	public int getMaxRequestHeaderFieldSize() {
		return this.values.get(MAX_REQUEST_HEADER_FIELD_SIZE, DEFAULT_MAX_REQUEST_HEADER_FIELD_SIZE);
	}

	/**
	 * @param value the largest header field section (positive)
	 * @return these limits
	 */
	public Http3Limits maxRequestHeaderFieldSize(int value) {
		this.values.set(MAX_REQUEST_HEADER_FIELD_SIZE,
				KestrelServerLimits.positive(MAX_REQUEST_HEADER_FIELD_SIZE, value));
		return this;
	}

}
