package dev.kestrel.internal.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.quic.QuicChannel;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import dev.kestrel.internal.limits.EndReason;
import dev.kestrel.internal.limits.LimitEvents;
import dev.kestrel.options.ListenOptions;

/**
 * Kestrel's meters (meter {@code Microsoft.AspNetCore.Server.Kestrel}) in a Micrometer
 * registry:
 * <ul>
 * <li>{@code kestrel.active_connections}, {@code kestrel.active_tls_handshakes} (gauges:
 * Kestrel's up-down counters);</li>
 * <li>{@code kestrel.connection.duration} (timer with Kestrel's buckets; adds
 * {@code network.protocol.name}, {@code network.protocol.version},
 * {@code tls.protocol.version} and {@code error.type}, Kestrel 9's end reason);</li>
 * <li>{@code kestrel.tls_handshake.duration} (timer; adds {@code tls.protocol.version}
 * and {@code error.type}, the exception's class);</li>
 * <li>{@code kestrel.rejected_connections} (counter:
 * {@code MaxConcurrentConnections}).</li>
 * </ul>
 * Every meter carries {@link EndpointTags}; every series of one meter has the same tag
 * keys (a value that does not apply is empty). HTTP/3 connections are counted with
 * {@code network.transport=udp}.
 */
public final class KestrelMeters implements ConnectionMetrics {

	/** Kestrel's bucket boundaries for both durations, in seconds. */
	static final double[] BUCKETS = { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300 };

	private final Supplier<MeterRegistry> registry;

	private final Map<Tags, AtomicLong> activeConnections = new ConcurrentHashMap<>();

	private final Map<Tags, AtomicLong> activeTlsHandshakes = new ConcurrentHashMap<>();

	private final Map<Tags, Counter> rejected = new ConcurrentHashMap<>();

	private final Map<Tags, Timer> connectionDurations = new ConcurrentHashMap<>();

	private final Map<Tags, Timer> handshakeDurations = new ConcurrentHashMap<>();

	/**
	 * Creates the meters.
	 * @param registry gives the registry on first use (after the application context
	 * started)
	 */
	public KestrelMeters(Supplier<MeterRegistry> registry) {
		this.registry = memoize(registry);
	}

	@Override
	public HttpServer applyTo(HttpServer server, ListenOptions endpoint) {
		String name = endpoint.getName();
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			ConnectionMeter meter = new ConnectionMeter(this, EndpointTags.of(name, channel, false), false);
			ChannelPipeline pipeline = channel.pipeline();
			pipeline.addFirst(ConnectionMeterHandler.NAME, new ConnectionMeterHandler(meter));
			if (pipeline.get(NettyPipeline.SslHandler) != null) {
				pipeline.addAfter(NettyPipeline.SslHandler, ConnectionMeterHandler.Tls.NAME,
						new ConnectionMeterHandler.Tls(meter));
			}
		});
	}

	@Override
	public HttpServer applyToQuic(HttpServer server, ListenOptions endpoint) {
		String name = endpoint.getName();
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel instanceof QuicChannel) {
				ConnectionMeter meter = new ConnectionMeter(this, EndpointTags.of(name, channel, true), true);
				meter.opened(channel);
				channel.closeFuture().addListener((future) -> meter.closed(channel));
				if (channel.isActive()) {
					meter.handshakeStarted();
					meter.handshakeEnded("TLSv1.3", null);
				}
				else {
					meter.handshakeStarted();
					channel.pipeline().addFirst(QuicHandshakeMeter.NAME, new QuicHandshakeMeter(meter));
				}
			}
		});
	}

	@Override
	public LimitEvents limitEvents() {
		return new LimitEvents() {

			@Override
			public void limitReached(String endpointName, EndReason reason) {
			}

			@Override
			public void limitReached(Channel channel, String endpointName, EndReason reason) {
				ConnectionMeter meter = ConnectionMeter.of(channel);
				if (meter != null) {
					meter.limitReached(reason);
				}
			}

		};
	}

	AtomicLong activeConnections(Tags tags) {
		return this.activeConnections.computeIfAbsent(tags, (key) -> gauge("kestrel.active_connections",
				"Number of connections that are currently active on the server.", key));
	}

	AtomicLong activeTlsHandshakes(Tags tags) {
		return this.activeTlsHandshakes.computeIfAbsent(tags, (key) -> gauge("kestrel.active_tls_handshakes",
				"Number of TLS handshakes that are currently in progress on the server.", key));
	}

	Counter rejectedConnections(Tags tags) {
		return this.rejected.computeIfAbsent(tags,
				(key) -> Counter.builder("kestrel.rejected_connections")
					.description("Number of connections rejected by the server (MaxConcurrentConnections).")
					.tags(key)
					.register(this.registry.get()));
	}

	Timer connectionDuration(Tags tags, String protocolName, String protocolVersion, String tlsVersion,
			String errorType) {
		Tags all = tags.and("network.protocol.name", protocolName, "network.protocol.version", protocolVersion,
				"tls.protocol.version", tlsVersion, "error.type", errorType);
		return this.connectionDurations.computeIfAbsent(all,
				(key) -> timer("kestrel.connection.duration", "The duration of connections on the server.", key));
	}

	Timer tlsHandshakeDuration(Tags tags, String tlsVersion, String errorType) {
		Tags all = tags.and("tls.protocol.version", tlsVersion, "error.type", errorType);
		return this.handshakeDurations.computeIfAbsent(all,
				(key) -> timer("kestrel.tls_handshake.duration", "The duration of TLS handshakes on the server.", key));
	}

	private AtomicLong gauge(String name, String description, Tags tags) {
		AtomicLong value = new AtomicLong();
		Gauge.builder(name, value, AtomicLong::doubleValue)
			.description(description)
			.tags(tags)
			.strongReference(true)
			.register(this.registry.get());
		return value;
	}

	private Timer timer(String name, String description, Tags tags) {
		Duration[] buckets = new Duration[BUCKETS.length];
		for (int i = 0; i < BUCKETS.length; i++) {
			buckets[i] = Duration.ofNanos((long) (BUCKETS[i] * 1_000_000_000L));
		}
		return Timer.builder(name)
			.description(description)
			.tags(tags)
			.serviceLevelObjectives(buckets)
			.register(this.registry.get());
	}

	private static <T> Supplier<T> memoize(Supplier<T> supplier) {
		return new Supplier<>() {

			private volatile T value;

			@Override
			public T get() {
				T current = this.value;
				if (current == null) {
					synchronized (this) {
						current = this.value;
						if (current == null) {
							current = supplier.get();
							this.value = current;
						}
					}
				}
				return current;
			}

		};
	}

}
