package dev.kestrel.options;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kestrel.configuration.LimitsConfig;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.LimitsMessages;

/**
 * Applies a configuration {@code Limits} section to limits: each key is parsed with
 * Kestrel's rules (sizes in bytes, {@code ""} or {@code null} for unlimited where Kestrel
 * allows it, timeouts as .NET TimeSpans or Spring durations) and set, remembering the key
 * for later messages. A bad value fails naming its key.
 */
final class LimitsLoader {

	/** {@code [-][d.]hh:mm:ss[.fffffff]}, .NET's TimeSpan format. */
	private static final Pattern TIME_SPAN = Pattern
		.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?");

	/** A Spring-style duration: a number and a unit. */
	private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

	private static final Map<String, Setter> SETTERS = Map.ofEntries(
			Map.entry("max-concurrent-connections",
					setter(KestrelServerLimits.MAX_CONCURRENT_CONNECTIONS,
							(limits, value) -> limits.maxConcurrentConnections(nullableLong(value)))),
			Map.entry("max-concurrent-upgraded-connections",
					setter(KestrelServerLimits.MAX_CONCURRENT_UPGRADED_CONNECTIONS,
							(limits, value) -> limits.maxConcurrentUpgradedConnections(nullableLong(value)))),
			Map.entry("max-request-body-size",
					setter(KestrelServerLimits.MAX_REQUEST_BODY_SIZE,
							(limits, value) -> limits.maxRequestBodySize(nullableLong(value)))),
			Map.entry("max-request-buffer-size",
					setter(KestrelServerLimits.MAX_REQUEST_BUFFER_SIZE,
							(limits, value) -> limits.maxRequestBufferSize(nullableLong(value)))),
			Map.entry("max-response-buffer-size",
					setter(KestrelServerLimits.MAX_RESPONSE_BUFFER_SIZE,
							(limits, value) -> limits.maxResponseBufferSize(nullableLong(value)))),
			Map.entry("max-request-line-size",
					setter(KestrelServerLimits.MAX_REQUEST_LINE_SIZE,
							(limits, value) -> limits.maxRequestLineSize(integer(value)))),
			Map.entry("max-request-headers-total-size",
					setter(KestrelServerLimits.MAX_REQUEST_HEADERS_TOTAL_SIZE,
							(limits, value) -> limits.maxRequestHeadersTotalSize(integer(value)))),
			Map.entry("max-request-header-count",
					setter(KestrelServerLimits.MAX_REQUEST_HEADER_COUNT,
							(limits, value) -> limits.maxRequestHeaderCount(integer(value)))),
			Map.entry("keep-alive-timeout",
					setter(KestrelServerLimits.KEEP_ALIVE_TIMEOUT,
							(limits, value) -> limits.keepAliveTimeout(duration(value)))),
			Map.entry("request-headers-timeout",
					setter(KestrelServerLimits.REQUEST_HEADERS_TIMEOUT,
							(limits, value) -> limits.requestHeadersTimeout(duration(value)))),
			Map.entry("http2.max-streams-per-connection",
					setter(Http2Limits.MAX_STREAMS_PER_CONNECTION,
							(limits, value) -> limits.getHttp2().maxStreamsPerConnection(integer(value)))),
			Map.entry("http2.header-table-size",
					setter(Http2Limits.HEADER_TABLE_SIZE,
							(limits, value) -> limits.getHttp2().headerTableSize(integer(value)))),
			Map.entry("http2.max-frame-size",
					setter(Http2Limits.MAX_FRAME_SIZE,
							(limits, value) -> limits.getHttp2().maxFrameSize(integer(value)))),
			Map.entry("http2.max-request-header-field-size",
					setter(Http2Limits.MAX_REQUEST_HEADER_FIELD_SIZE,
							(limits, value) -> limits.getHttp2().maxRequestHeaderFieldSize(integer(value)))),
			Map.entry("http2.initial-connection-window-size",
					setter(Http2Limits.INITIAL_CONNECTION_WINDOW_SIZE,
							(limits, value) -> limits.getHttp2().initialConnectionWindowSize(integer(value)))),
			Map.entry("http2.initial-stream-window-size",
					setter(Http2Limits.INITIAL_STREAM_WINDOW_SIZE,
							(limits, value) -> limits.getHttp2().initialStreamWindowSize(integer(value)))),
			Map.entry("http2.keep-alive-ping-delay",
					setter(Http2Limits.KEEP_ALIVE_PING_DELAY,
							(limits, value) -> limits.getHttp2().keepAlivePingDelay(nullableDuration(value)))),
			Map.entry("http2.keep-alive-ping-timeout",
					setter(Http2Limits.KEEP_ALIVE_PING_TIMEOUT,
							(limits, value) -> limits.getHttp2().keepAlivePingTimeout(duration(value)))),
			Map.entry("http3.max-request-header-field-size", setter(Http3Limits.MAX_REQUEST_HEADER_FIELD_SIZE,
					(limits, value) -> limits.getHttp3().maxRequestHeaderFieldSize(integer(value)))));

	private static final String BYTES_PER_SECOND = ".bytes-per-second";

	private static final String GRACE_PERIOD = ".grace-period";

	private LimitsLoader() {
	}

	/**
	 * Applies a section.
	 * @param section the section
	 * @param limits the limits to set
	 * @param sectionKey the section's key, e.g. {@code kestrel.endpoints.Api.limits}
	 * @param endpointName the endpoint, for messages, or {@code null}
	 * @param sniEntry whether the section is an SNI entry's (request limits only)
	 */
	static void apply(LimitsConfig section, KestrelServerLimits limits, String sectionKey, String endpointName,
			boolean sniEntry) {
		section.values().forEach((name, value) -> {
			String key = sectionKey + "." + name;
			if (name.endsWith(BYTES_PER_SECOND) || name.endsWith(GRACE_PERIOD)) {
				return;
			}
			Setter setter = SETTERS.get(name);
			if (setter == null) {
				throw new KestrelConfigurationException(endpointName, key, LimitsMessages.invalidLimit(key, "unknown"),
						null);
			}
			if (sniEntry && name.equals("keep-alive-timeout")) {
				throw new KestrelConfigurationException(endpointName, key, LimitsMessages.limitNotPerHost(key), null);
			}
			set(limits, setter.name(), key, endpointName, () -> setter.apply().accept(limits, value));
		});
		dataRate(section, "min-request-body-data-rate", KestrelServerLimits.MIN_REQUEST_BODY_DATA_RATE, limits,
				sectionKey, endpointName, limits.getMinRequestBodyDataRate(), limits::minRequestBodyDataRate);
		dataRate(section, "min-response-data-rate", KestrelServerLimits.MIN_RESPONSE_DATA_RATE, limits, sectionKey,
				endpointName, limits.getMinResponseDataRate(), limits::minResponseDataRate);
	}

	private static void dataRate(LimitsConfig section, String name, String kestrelName, KestrelServerLimits limits,
			String sectionKey, String endpointName, MinDataRate current,
			java.util.function.Consumer<MinDataRate> target) {
		String rate = section.values().get(name + BYTES_PER_SECOND);
		String grace = section.values().get(name + GRACE_PERIOD);
		if (rate == null && grace == null) {
			return;
		}
		MinDataRate base = (current != null) ? current : MinDataRate.DEFAULT;
		String key = sectionKey + "." + name;
		set(limits, kestrelName, key, endpointName,
				() -> target.accept(new MinDataRate((rate != null) ? Double.parseDouble(rate) : base.bytesPerSecond(),
						(grace != null) ? duration(grace) : base.gracePeriod())));
	}

	private static void set(KestrelServerLimits limits, String kestrelName, String key, String endpointName,
			Runnable setter) {
		try {
			setter.run();
		}
		catch (IllegalArgumentException ex) {
			throw new KestrelConfigurationException(endpointName, key,
					LimitsMessages.invalidLimit(key, reason(ex.getMessage())), null);
		}
		limits.origin(kestrelName, key);
	}

	/** Keeps the "(expected: ...)" part of an argument error, or the whole message. */
	private static String reason(String message) {
		int colon = (message != null) ? message.indexOf(": ") : -1;
		return (colon >= 0) ? message.substring(colon + 2) : String.valueOf(message);
	}

	private static Long nullableLong(String value) {
		if (value.isEmpty() || value.equalsIgnoreCase("null")) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(": '" + value + "' (expected: a whole number of bytes, or null)");
		}
	}

	private static int integer(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(": '" + value + "' (expected: a whole number)");
		}
	}

	private static Duration nullableDuration(String value) {
		return (value.isEmpty() || value.equalsIgnoreCase("null")) ? null : duration(value);
	}

	/**
	 * Parses a .NET TimeSpan ({@code 00:02:10}, {@code 1.00:00:00}, {@code 00:00:00.5}),
	 * an ISO-8601 duration ({@code PT130S}) or a Spring duration ({@code 130s},
	 * {@code 500ms}).
	 * @param value the text
	 * @return the duration
	 */
	static Duration duration(String value) {
		String text = value.trim();
		Matcher timeSpan = TIME_SPAN.matcher(text);
		if (timeSpan.matches()) {
			Duration duration = Duration.ofDays(optional(timeSpan.group(2)))
				.plusHours(Long.parseLong(timeSpan.group(3)))
				.plusMinutes(Long.parseLong(timeSpan.group(4)))
				.plusSeconds(Long.parseLong(timeSpan.group(5)));
			if (timeSpan.group(6) != null) {
				String fraction = (timeSpan.group(6) + "0000000").substring(0, 7);
				duration = duration.plusNanos(Long.parseLong(fraction) * 100);
			}
			return (timeSpan.group(1) != null) ? duration.negated() : duration;
		}
		Matcher simple = SIMPLE.matcher(text);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			return switch (simple.group(2).toLowerCase(Locale.ROOT)) {
				case "ns" -> Duration.ofNanos(amount);
				case "us" -> Duration.ofNanos(amount * 1000);
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		if (text.toUpperCase(Locale.ROOT).startsWith("P") || text.toUpperCase(Locale.ROOT).startsWith("-P")) {
			try {
				return Duration.parse(text);
			}
			catch (RuntimeException ex) {
				// reported below
			}
		}
		throw new IllegalArgumentException(
				": '" + value + "' (expected: a TimeSpan such as 00:02:10, or a duration such as 130s or PT130S)");
	}

	private static long optional(String digits) {
		return (digits != null) ? Long.parseLong(digits) : 0;
	}

	private static Setter setter(String name, BiConsumer<KestrelServerLimits, String> apply) {
		return new Setter(name, apply);
	}

	private record Setter(String name, BiConsumer<KestrelServerLimits, String> apply) {
	}

}
