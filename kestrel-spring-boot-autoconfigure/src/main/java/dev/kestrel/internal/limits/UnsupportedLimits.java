package dev.kestrel.internal.limits;

import java.util.Objects;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.LimitsMessages;
import dev.kestrel.options.Http2Limits;
import dev.kestrel.options.Http3Limits;
import dev.kestrel.options.KestrelServerLimits;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.MinDataRate;

/**
 * The limits this version cannot honour exactly on Reactor Netty: each may keep Kestrel's
 * default (documented as not enforced), and any other value fails startup naming the key
 * that set it. Also Kestrel's own startup check: {@code MaxRequestBufferSize} must hold a
 * whole request line and header section.
 */
final class UnsupportedLimits {

	private UnsupportedLimits() {
	}

	static void check(ListenOptions endpoint) {
		KestrelServerLimits limits = endpoint.getLimits();
		Http2Limits http2 = limits.getHttp2();
		refuseUnless(endpoint, "MaxConcurrentUpgradedConnections", limits.getMaxConcurrentUpgradedConnections() == null,
				"upgraded (WebSocket) connections are not counted separately yet");
		refuseUnless(endpoint, "MaxRequestBufferSize",
				Objects.equals(limits.getMaxRequestBufferSize(), KestrelServerLimits.DEFAULT_MAX_REQUEST_BUFFER_SIZE),
				"Reactor Netty reads with its own buffers; no read pausing at a byte count is implemented yet");
		refuseUnless(endpoint, "MaxResponseBufferSize",
				Objects.equals(limits.getMaxResponseBufferSize(), KestrelServerLimits.DEFAULT_MAX_RESPONSE_BUFFER_SIZE),
				"Reactor Netty's write back-pressure follows Netty's channel water marks, not a byte limit yet");
		refuseUnless(endpoint, "MinRequestBodyDataRate", MinDataRate.DEFAULT.equals(limits.getMinRequestBodyDataRate()),
				"request body data rates are not measured yet");
		refuseUnless(endpoint, "MinResponseDataRate", MinDataRate.DEFAULT.equals(limits.getMinResponseDataRate()),
				"response data rates are not measured yet");
		refuseUnless(endpoint, "Http2.MaxRequestHeaderFieldSize",
				http2.getMaxRequestHeaderFieldSize() == Http2Limits.DEFAULT_MAX_REQUEST_HEADER_FIELD_SIZE,
				"Netty's HPACK decoder has no per-field limit (MaxRequestHeadersTotalSize bounds the header list)");
		refuseUnless(endpoint, "Http2.KeepAlivePingDelay", http2.getKeepAlivePingDelay() == null,
				"Reactor Netty sends PINGs only on its idle timeout, which KeepAliveTimeout already uses");
		refuseUnless(endpoint, "Http2.KeepAlivePingTimeout",
				http2.getKeepAlivePingTimeout().equals(Http2Limits.DEFAULT_KEEP_ALIVE_PING_TIMEOUT),
				"keep-alive pings are not sent yet (Http2.KeepAlivePingDelay)");
		refuseUnless(endpoint, "Http3.MaxRequestHeaderFieldSize",
				limits.getHttp3().getMaxRequestHeaderFieldSize() == Http3Limits.DEFAULT_MAX_REQUEST_HEADER_FIELD_SIZE,
				"the HTTP/3 limits are not mapped yet");
		int streamWindow = http2.getInitialStreamWindowSize();
		long nettyConnectionWindow = 2L * streamWindow - 65_535;
		refuseUnless(endpoint, "Http2.InitialConnectionWindowSize",
				http2.getInitialConnectionWindowSize() == Http2Limits.DEFAULT_INITIAL_CONNECTION_WINDOW_SIZE
						|| http2.getInitialConnectionWindowSize() >= nettyConnectionWindow,
				"Netty's HTTP/2 codec already opens the connection window to twice the stream window ("
						+ nettyConnectionWindow + " bytes) and a window cannot shrink; use at least that, or a smaller "
						+ "Http2.InitialStreamWindowSize");
		Long buffer = limits.getMaxRequestBufferSize();
		if (buffer != null) {
			checkBuffer(endpoint, buffer, "MaxRequestLineSize", limits.getMaxRequestLineSize());
			checkBuffer(endpoint, buffer, "MaxRequestHeadersTotalSize", limits.getMaxRequestHeadersTotalSize());
		}
	}

	private static void refuseUnless(ListenOptions endpoint, String name, boolean supported, String reason) {
		if (!supported) {
			String key = key(endpoint, name);
			throw new KestrelConfigurationException(endpoint.getName(), key,
					LimitsMessages.limitNotSupported(key, reason), null);
		}
	}

	private static void checkBuffer(ListenOptions endpoint, long buffer, String name, int size) {
		if (buffer < size) {
			String key = key(endpoint, name);
			throw new KestrelConfigurationException(endpoint.getName(), key,
					LimitsMessages.requestBufferTooSmall(key(endpoint, "MaxRequestBufferSize"), buffer, name, size),
					null);
		}
	}

	/** The configuration key that set a limit, else its name in code. */
	static String key(ListenOptions endpoint, String name) {
		String key = endpoint.getLimits().configurationKey(name);
		return (key != null) ? key : "Limits." + name + " (code)";
	}

}
