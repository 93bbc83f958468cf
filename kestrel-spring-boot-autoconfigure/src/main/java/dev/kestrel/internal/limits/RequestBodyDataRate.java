package dev.kestrel.internal.limits;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import dev.kestrel.options.MinDataRate;

/**
 * {@code MinRequestBodyDataRate}, timed as Kestrel times it: from the moment the
 * application starts reading the body, once per second (Kestrel's heartbeat), counting
 * only the time during which the application is waiting for body bytes. Once the timed
 * period exceeds the grace period, a rate (bytes received / timed seconds) below the
 * minimum fails the body with the error the caller supplies.
 */
final class RequestBodyDataRate {

	static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final MinDataRate rate;

	private long requested;

	private long bytes;

	private long timedNanos;

	private long lastTick;

	private boolean waiting;

	private RequestBodyDataRate(MinDataRate rate, long now) {
		this.rate = rate;
		this.lastTick = now;
	}

	/**
	 * @param body the request body
	 * @param rate the minimum (non-zero)
	 * @param channel the request's channel (its event loop runs the timer)
	 * @param tooSlow the error to fail the body with, called once when the rate is missed
	 * @return the body, timed while it is read
	 */
	static Flux<DataBuffer> time(Flux<DataBuffer> body, MinDataRate rate, Channel channel,
			Supplier<Throwable> tooSlow) {
		return Flux.defer(() -> {
			RequestBodyDataRate timing = new RequestBodyDataRate(rate, System.nanoTime());
			Sinks.Empty<DataBuffer> failure = Sinks.empty();
			ScheduledFuture<?> ticks = channel.eventLoop().scheduleAtFixedRate(() -> {
				if (timing.tick(System.nanoTime())) {
					failure.tryEmitError(tooSlow.get());
				}
			}, TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
			Flux<DataBuffer> timed = body.doOnRequest(timing::requested)
				.doOnNext((buffer) -> timing.received(buffer.readableByteCount()))
				.doFinally((signal) -> {
					ticks.cancel(false);
					failure.tryEmitEmpty();
				});
			return timed.mergeWith(failure.asMono());
		});
	}

	private synchronized void requested(long n) {
		this.requested = (this.requested + n < 0) ? Long.MAX_VALUE : this.requested + n;
		this.waiting = true;
	}

	private synchronized void received(int count) {
		this.bytes += count;
		if (this.requested != Long.MAX_VALUE) {
			this.requested--;
			if (this.requested == 0) {
				this.waiting = false;
			}
		}
	}

	/**
	 * @return whether the rate was missed
	 */
	private synchronized boolean tick(long now) {
		if (this.waiting) {
			this.timedNanos += now - this.lastTick;
		}
		this.lastTick = now;
		if (this.timedNanos <= this.rate.gracePeriod().toNanos()) {
			return false;
		}
		double seconds = this.timedNanos / (double) TimeUnit.SECONDS.toNanos(1);
		return this.bytes / seconds < this.rate.bytesPerSecond();
	}

}
