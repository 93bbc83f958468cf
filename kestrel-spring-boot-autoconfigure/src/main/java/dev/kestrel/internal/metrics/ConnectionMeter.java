package dev.kestrel.internal.metrics;

import io.micrometer.core.instrument.Tags;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

import dev.kestrel.connections.TlsHandshakeFeature;
import dev.kestrel.internal.limits.EndReason;
import dev.kestrel.internal.server.tls.TlsHandshakes;

/**
 * What the meters know of one connection, from open to close: kept as a channel
 * attribute, used on the connection's event loop only.
 */
final class ConnectionMeter {

	static final AttributeKey<ConnectionMeter> KEY = AttributeKey.valueOf("dev.kestrel.connection-meter");

	/** Kestrel 9's end reason for a failed TLS handshake. */
	static final String TLS_HANDSHAKE_FAILED = "tls_handshake_failed";

	private final KestrelMeters meters;

	private final Tags tags;

	private final boolean quic;

	private boolean tls;

	private long openedAt;

	private long handshakeStartedAt = -1;

	private String tlsVersion = "";

	private String errorType = "";

	private boolean closed;

	ConnectionMeter(KestrelMeters meters, Tags tags, boolean quic) {
		this.meters = meters;
		this.tags = tags;
		this.quic = quic;
	}

	static @Nullable ConnectionMeter of(Channel channel) {
		for (Channel current = channel; current != null; current = current.parent()) {
			ConnectionMeter meter = current.attr(KEY).get();
			if (meter != null) {
				return meter;
			}
		}
		return null;
	}

	Tags tags() {
		return this.tags;
	}

	void opened(Channel channel) {
		channel.attr(KEY).set(this);
		this.openedAt = System.nanoTime();
		this.meters.activeConnections(this.tags).incrementAndGet();
	}

	void handshakeStarted() {
		this.tls = true;
		if (this.handshakeStartedAt < 0) {
			this.handshakeStartedAt = System.nanoTime();
			this.meters.activeTlsHandshakes(this.tags).incrementAndGet();
		}
	}

	/**
	 * The TLS handshake ended.
	 * @param protocol the negotiated protocol ({@code TLSv1.3}), or {@code null} when it
	 * failed
	 * @param failure why it failed, or {@code null}
	 */
	void handshakeEnded(@Nullable String protocol, @Nullable Throwable failure) {
		if (this.handshakeStartedAt < 0) {
			return;
		}
		long duration = System.nanoTime() - this.handshakeStartedAt;
		this.handshakeStartedAt = -1;
		this.meters.activeTlsHandshakes(this.tags).decrementAndGet();
		this.tlsVersion = tlsVersion(protocol);
		String error = (failure != null) ? failure.getClass().getName() : "";
		if (failure != null && this.errorType.isEmpty()) {
			this.errorType = TLS_HANDSHAKE_FAILED;
		}
		this.meters.tlsHandshakeDuration(this.tags, this.tlsVersion, error)
			.record(duration, java.util.concurrent.TimeUnit.NANOSECONDS);
	}

	void limitReached(EndReason reason) {
		if (this.errorType.isEmpty()) {
			this.errorType = reason.errorType();
		}
		if (reason == EndReason.MAX_CONCURRENT_CONNECTIONS_EXCEEDED) {
			this.meters.rejectedConnections(this.tags).increment();
		}
	}

	void closed(Channel channel) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.handshakeStartedAt >= 0) {
			handshakeEnded(null, new java.nio.channels.ClosedChannelException());
		}
		this.meters.activeConnections(this.tags).decrementAndGet();
		String protocolVersion = this.errorType.isEmpty() ? protocolVersion(channel) : "";
		this.meters
			.connectionDuration(this.tags, protocolVersion.isEmpty() ? "" : "http", protocolVersion, this.tlsVersion,
					this.errorType)
			.record(System.nanoTime() - this.openedAt, java.util.concurrent.TimeUnit.NANOSECONDS);
	}

	private String protocolVersion(Channel channel) {
		if (this.quic) {
			return "3";
		}
		String alpn = TlsHandshakes.details(channel).map(TlsHandshakeFeature::applicationProtocol).orElse(null);
		if (alpn != null && !alpn.isEmpty()) {
			return "h2".equals(alpn) ? "2" : "http/1.1".equals(alpn) ? "1.1" : "";
		}
		if (this.tls) {
			return "";
		}
		return (channel.pipeline().get(NettyPipeline.H2MultiplexHandler) != null) ? "2" : "1.1";
	}

	/**
	 * @param protocol {@code TLSv1.3}, {@code TLSv1.2}, ...
	 * @return OpenTelemetry's {@code tls.protocol.version}: {@code 1.3}, {@code 1.2}, or
	 * empty
	 */
	static String tlsVersion(@Nullable String protocol) {
		if (protocol == null) {
			return "";
		}
		return protocol.startsWith("TLSv") ? protocol.substring(4) : protocol;
	}

}
