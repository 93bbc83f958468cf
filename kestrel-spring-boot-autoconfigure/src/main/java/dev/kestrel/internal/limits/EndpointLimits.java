package dev.kestrel.internal.limits;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;
import reactor.netty.http.Http2SettingsSpec;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.LimitsMessages;
import dev.kestrel.connections.TlsHandshakeFeature;
import dev.kestrel.internal.server.tls.TlsHandshakes;
import dev.kestrel.internal.sni.SniHostMap;
import dev.kestrel.options.Http2Limits;
import dev.kestrel.options.KestrelServerLimits;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SniOptions;

/**
 * Applies an endpoint's limits to its Reactor Netty server:
 * <ul>
 * <li>{@code MaxConcurrentConnections}: {@link ConnectionLimitHandler}, first in the
 * pipeline;</li>
 * <li>HTTP/1.1 request line, header section, header count and request headers timeout:
 * {@link Http1RequestGuard} on the raw bytes (after TLS, before Netty's codec, whose own
 * limits are set to the largest value so that it never decides first);</li>
 * <li>{@code MaxRequestBodySize}: {@link RequestBodyLimit} (installed by the factory
 * around the application);</li>
 * <li>{@code KeepAliveTimeout}: Reactor Netty's idle timeout (HTTP/1.1: between requests;
 * HTTP/2: the connection without frames, closed with GOAWAY);</li>
 * <li>HTTP/2: SETTINGS_MAX_CONCURRENT_STREAMS, HEADER_TABLE_SIZE, MAX_FRAME_SIZE,
 * INITIAL_WINDOW_SIZE and MAX_HEADER_LIST_SIZE ({@code MaxRequestHeadersTotalSize}), and
 * the connection window ({@link Http2Windows}).</li>
 * </ul>
 * SNI entries may set request limits; a connection uses its entry's once the TLS
 * handshake chose it.
 */
public final class EndpointLimits {

	static final AttributeKey<RequestLimits> REQUEST_LIMITS = AttributeKey.valueOf("dev.kestrel.request-limits");

	private EndpointLimits() {
	}

	/**
	 * Applies the limits of an endpoint.
	 * @param server the endpoint's TCP server (TLS and protocols applied)
	 * @param endpoint the endpoint
	 * @return the server
	 * @throws KestrelConfigurationException for limits that cannot be honoured
	 */
	public static HttpServer apply(HttpServer server, ListenOptions endpoint) {
		return apply(server, endpoint, LimitEvents.NONE);
	}

	/**
	 * Applies the limits of an endpoint, reporting what they refuse.
	 * @param server the endpoint's TCP server (TLS and protocols applied)
	 * @param endpoint the endpoint
	 * @param events receives every refusal
	 * @return the server
	 */
	public static HttpServer apply(HttpServer server, ListenOptions endpoint, LimitEvents events) {
		UnsupportedLimits.check(endpoint);
		KestrelServerLimits limits = endpoint.getLimits();
		RequestLimits base = RequestLimits.of(limits);
		SniHostMap<RequestLimits> sni = sniLimits(endpoint, base);
		int lineSize = base.maxRequestLineSize();
		int headersSize = base.maxRequestHeadersTotalSize();
		for (SniOptions entry : endpoint.getSni().values()) {
			if (entry.limits() != null) {
				lineSize = Math.max(lineSize, entry.limits().getMaxRequestLineSize());
				headersSize = Math.max(headersSize, entry.limits().getMaxRequestHeadersTotalSize());
			}
		}
		int nettyLine = lineSize;
		int nettyHeaders = headersSize;
		HttpRequestDecoderSpec decoder = server.configuration().decoder();
		String name = endpoint.getName();
		Long maxConnections = limits.getMaxConcurrentConnections();
		ConnectionCounter counter = (maxConnections != null) ? new ConnectionCounter(name, maxConnections) : null;
		int connectionWindow = limits.getHttp2().getInitialConnectionWindowSize();
		return server
			.httpRequestDecoder((spec) -> spec.maxInitialLineLength(nettyLine)
				.maxHeaderSize(nettyHeaders)
				.maxChunkSize(decoder.maxChunkSize())
				.validateHeaders(decoder.validateHeaders())
				.initialBufferSize(decoder.initialBufferSize())
				.allowDuplicateContentLengths(decoder.allowDuplicateContentLengths())
				.h2cMaxContentLength(decoder.h2cMaxContentLength())
				.allowPartialChunks(decoder.allowPartialChunks()))
			.idleTimeout(limits.getKeepAliveTimeout())
			.http2Settings((builder) -> http2(builder, limits.getHttp2(), base.maxRequestHeadersTotalSize(),
					server.configuration().http2SettingsSpec()))
			.childAttr(REQUEST_LIMITS, base)
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				ChannelPipeline pipeline = channel.pipeline();
				addGuard(pipeline,
						new Http1RequestGuard(name, (ctx) -> resolve(ctx, base, sni), events, connectionWindow));
				if (counter != null) {
					pipeline.addFirst(ConnectionLimitHandler.NAME, new ConnectionLimitHandler(counter, name, events));
				}
			});
	}

	/**
	 * @param channel a connection's channel, or an HTTP/2 stream's
	 * @return the request limits of its connection, or {@code null} outside Kestrel
	 * endpoints
	 */
	static @Nullable RequestLimits requestLimits(Channel channel) {
		for (Channel current = channel; current != null; current = current.parent()) {
			if (current.hasAttr(REQUEST_LIMITS)) {
				return current.attr(REQUEST_LIMITS).get();
			}
		}
		return null;
	}

	private static void addGuard(ChannelPipeline pipeline, Http1RequestGuard guard) {
		if (pipeline.get(NettyPipeline.SslHandler) != null) {
			pipeline.addAfter(NettyPipeline.SslHandler, Http1RequestGuard.NAME, guard);
			return;
		}
		for (String name : new String[] { NettyPipeline.H2CUpgradeHandler, NettyPipeline.HttpCodec }) {
			if (pipeline.get(name) != null) {
				pipeline.addBefore(name, Http1RequestGuard.NAME, guard);
				return;
			}
		}
	}

	private static RequestLimits resolve(ChannelHandlerContext ctx, RequestLimits base,
			@Nullable SniHostMap<RequestLimits> sni) {
		if (sni == null) {
			return base;
		}
		String host = TlsHandshakes.details(ctx.channel()).map(TlsHandshakeFeature::hostName).orElse(null);
		RequestLimits chosen = sni.match(host);
		if (chosen == null) {
			return base;
		}
		ctx.channel().attr(REQUEST_LIMITS).set(chosen);
		return chosen;
	}

	/**
	 * The request limits of each SNI entry (an entry without limits has the endpoint's).
	 * HTTP/2 advertises one header list size per connection before the request, from the
	 * endpoint: an SNI entry that may negotiate HTTP/2 cannot have a different
	 * {@code MaxRequestHeadersTotalSize}.
	 */
	private static @Nullable SniHostMap<RequestLimits> sniLimits(ListenOptions endpoint, RequestLimits base) {
		Map<String, SniOptions> entries = endpoint.getSni();
		if (entries.isEmpty() || entries.values().stream().allMatch((entry) -> entry.limits() == null)) {
			return null;
		}
		Map<String, RequestLimits> map = new LinkedHashMap<>();
		entries.forEach((host, entry) -> {
			RequestLimits limits = (entry.limits() != null) ? RequestLimits.of(entry.limits()) : base;
			boolean http2 = entry.protocolsOr(endpoint.getProtocols()).http2();
			if (http2 && limits.maxRequestHeadersTotalSize() != base.maxRequestHeadersTotalSize()) {
				String key = entry.limits().configurationKey("MaxRequestHeadersTotalSize");
				throw new KestrelConfigurationException(endpoint.getName(), key,
						LimitsMessages.limitNotSupported(key,
								"HTTP/2 advertises the endpoint's header list size to every host; set Protocols: "
										+ "Http1 on this SNI entry or the same value as the endpoint"),
						null);
			}
			map.put(host, limits);
		});
		return SniHostMap.of(map);
	}

	private static void http2(Http2SettingsSpec.Builder builder, Http2Limits http2, int maxHeaderListSize,
			@Nullable Http2SettingsSpec current) {
		builder.maxConcurrentStreams(http2.getMaxStreamsPerConnection())
			.headerTableSize(http2.getHeaderTableSize())
			.maxFrameSize(http2.getMaxFrameSize())
			.initialWindowSize(http2.getInitialStreamWindowSize())
			.maxHeaderListSize(maxHeaderListSize);
		if (current != null) {
			if (current.maxStreams() != null) {
				builder.maxStreams(current.maxStreams());
			}
			if (current.maxDecodedRstFramesPerWindow() != null
					&& current.maxDecodedRstFramesSecondsPerWindow() != null) {
				builder.maxDecodedRstFramesPerWindow(current.maxDecodedRstFramesPerWindow(),
						current.maxDecodedRstFramesSecondsPerWindow());
			}
			if (current.maxEncodedRstFramesPerWindow() != null
					&& current.maxEncodedRstFramesSecondsPerWindow() != null) {
				builder.maxEncodedRstFramesPerWindow(current.maxEncodedRstFramesPerWindow(),
						current.maxEncodedRstFramesSecondsPerWindow());
			}
		}
	}

}
