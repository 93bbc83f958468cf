package dev.kestrel.autoconfigure.actuate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.kestrel.options.Http2Limits;
import dev.kestrel.options.KestrelServerLimits;
import dev.kestrel.options.MinDataRate;

/**
 * The limits in force on an endpoint, by Kestrel key ({@code MaxRequestLineSize},
 * {@code Http2.MaxStreamsPerConnection}, ...); {@code unlimited} and {@code off} where
 * Kestrel's value is {@code null}.
 */
final class LimitsDescriptor {

	private LimitsDescriptor() {
	}

	static Map<String, Object> of(KestrelServerLimits limits) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("MaxConcurrentConnections", orUnlimited(limits.getMaxConcurrentConnections()));
		map.put("MaxConcurrentUpgradedConnections", orUnlimited(limits.getMaxConcurrentUpgradedConnections()));
		map.put("MaxRequestBodySize", orUnlimited(limits.getMaxRequestBodySize()));
		map.put("MaxRequestBufferSize", orUnlimited(limits.getMaxRequestBufferSize()));
		map.put("MaxResponseBufferSize", orUnlimited(limits.getMaxResponseBufferSize()));
		map.put("MaxRequestLineSize", limits.getMaxRequestLineSize());
		map.put("MaxRequestHeadersTotalSize", limits.getMaxRequestHeadersTotalSize());
		map.put("MaxRequestHeaderCount", limits.getMaxRequestHeaderCount());
		map.put("KeepAliveTimeout", String.valueOf(limits.getKeepAliveTimeout()));
		map.put("RequestHeadersTimeout", String.valueOf(limits.getRequestHeadersTimeout()));
		map.put("MinRequestBodyDataRate", rate(limits.getMinRequestBodyDataRate()));
		map.put("MinResponseDataRate", rate(limits.getMinResponseDataRate()));
		Http2Limits http2 = limits.getHttp2();
		map.put("Http2.MaxStreamsPerConnection", http2.getMaxStreamsPerConnection());
		map.put("Http2.HeaderTableSize", http2.getHeaderTableSize());
		map.put("Http2.MaxFrameSize", http2.getMaxFrameSize());
		map.put("Http2.MaxRequestHeaderFieldSize", http2.getMaxRequestHeaderFieldSize());
		map.put("Http2.InitialConnectionWindowSize", http2.getInitialConnectionWindowSize());
		map.put("Http2.InitialStreamWindowSize", http2.getInitialStreamWindowSize());
		map.put("Http2.KeepAlivePingDelay",
				(http2.getKeepAlivePingDelay() != null) ? String.valueOf(http2.getKeepAlivePingDelay()) : "off");
		map.put("Http2.KeepAlivePingTimeout", String.valueOf(http2.getKeepAlivePingTimeout()));
		map.put("Http3.MaxRequestHeaderFieldSize", limits.getHttp3().getMaxRequestHeaderFieldSize());
		return Collections.unmodifiableMap(map);
	}

	private static Object orUnlimited(@Nullable Long value) {
		return (value != null) ? value : "unlimited";
	}

	private static String rate(@Nullable MinDataRate rate) {
		return (rate != null) ? rate.bytesPerSecond() + " B/s, grace " + rate.gracePeriod() : "off";
	}

}
