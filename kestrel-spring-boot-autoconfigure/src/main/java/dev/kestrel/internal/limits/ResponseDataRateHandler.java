package dev.kestrel.internal.limits;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.kestrel.diagnostics.LimitsMessages;
import dev.kestrel.options.MinDataRate;

/**
 * {@code MinResponseDataRate}, timed as Kestrel's {@code TimeoutControl} times it: every
 * write moves the connection's deadline to the later of "now + max(grace period, bytes /
 * rate)" and "previous deadline + bytes / rate"; once per second (Kestrel's heartbeat), a
 * connection with a write still waiting for the socket past its deadline is aborted
 * (logged with Kestrel's text). Writes that the socket took at once never count against
 * the client. Placed after TLS, so it counts the bytes the application wrote.
 */
final class ResponseDataRateHandler extends ChannelOutboundHandlerAdapter {

	static final String NAME = "kestrel.minResponseDataRate";

	private static final Log logger = LogFactory.getLog(ResponseDataRateHandler.class);

	private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final MinDataRate rate;

	private final String endpointName;

	private final LimitEvents events;

	private int pendingWrites;

	private long deadline;

	private boolean started;

	private @Nullable ScheduledFuture<?> ticks;

	ResponseDataRateHandler(MinDataRate rate, String endpointName, LimitEvents events) {
		this.rate = rate;
		this.endpointName = endpointName;
		this.events = events;
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		long count = count(msg);
		if (count <= 0) {
			ctx.write(msg, promise);
			return;
		}
		written(System.nanoTime(), count);
		this.pendingWrites++;
		ChannelPromise tracked = promise.unvoid();
		tracked.addListener((future) -> this.pendingWrites--);
		if (this.ticks == null) {
			this.ticks = ctx.executor()
				.scheduleAtFixedRate(() -> tick(ctx), TICK_NANOS, TICK_NANOS, TimeUnit.NANOSECONDS);
		}
		ctx.write(msg, tracked);
	}

	private void written(long now, long count) {
		long atMinRate = (long) (count / this.rate.bytesPerSecond() * TICK_NANOS);
		long single = now + TICK_NANOS + Math.max(this.rate.gracePeriod().toNanos(), atMinRate);
		long accumulated = this.started ? this.deadline + atMinRate : single;
		this.deadline = Math.max(single, accumulated);
		this.started = true;
	}

	private void tick(ChannelHandlerContext ctx) {
		if (this.pendingWrites == 0) {
			cancelTicks();
			return;
		}
		if (System.nanoTime() - this.deadline > 0) {
			cancelTicks();
			if (logger.isInfoEnabled()) {
				logger.info(LimitsMessages.responseTooSlow(ctx.channel().id().asShortText()));
			}
			this.events.limitReached(this.endpointName, EndReason.MIN_RESPONSE_DATA_RATE);
			ctx.channel().close();
		}
	}

	private static long count(Object msg) {
		if (msg instanceof ByteBuf bytes) {
			return bytes.readableBytes();
		}
		if (msg instanceof ByteBufHolder holder) {
			return holder.content().readableBytes();
		}
		if (msg instanceof FileRegion region) {
			return region.count() - region.transferred();
		}
		return 0;
	}

	private void cancelTicks() {
		if (this.ticks != null) {
			this.ticks.cancel(false);
			this.ticks = null;
		}
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		cancelTicks();
	}

	@Override
	public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
		cancelTicks();
		ctx.close(promise);
	}

}
