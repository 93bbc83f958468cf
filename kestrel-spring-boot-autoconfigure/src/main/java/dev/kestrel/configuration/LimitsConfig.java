package dev.kestrel.configuration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code Limits} section as written in configuration ({@code Kestrel.Limits}, an
 * endpoint's, {@code EndpointDefaults}' or an SNI entry's): raw values by key, parsed by
 * the loader so that every error names its key.
 *
 * @param values each key that is set, in kebab case relative to the section
 * ({@code max-request-body-size}, {@code http2.max-frame-size},
 * {@code min-request-body-data-rate.bytes-per-second}), to its raw value ({@code ""} for
 * an explicit null)
 */
public record LimitsConfig(Map<String, String> values) {

	/** A section that sets nothing. */
	public static final LimitsConfig EMPTY = new LimitsConfig(Map.of());

	public LimitsConfig {
		values = (values != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(values)) : Map.of();
	}

	/**
	 * @return whether the section sets nothing
	 */
	public boolean isEmpty() {
		return this.values.isEmpty();
	}

}
