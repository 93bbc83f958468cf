package dev.kestrel.internal.connections;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Kestrel's {@code UseConnectionLogging}: logs every byte a connection reads and writes
 * at debug level, as hex and text, with the connection id. Where it sits decides what it
 * sees: before the TLS handler the encrypted bytes, after it the HTTP bytes. When the
 * logger is not at debug level it costs one level check per read and write.
 */
@ChannelHandler.Sharable
final class ConnectionLoggingHandler extends ChannelDuplexHandler {

	/** The logger when none is named. */
	static final String DEFAULT_LOGGER = "dev.kestrel.connections.ConnectionLogging";

	private static final int BYTES_PER_LINE = 16;

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final Log logger;

	ConnectionLoggingHandler(String loggerName) {
		this.logger = LogFactory.getLog(loggerName);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (this.logger.isDebugEnabled()) {
			log(ctx, "ReadAsync", msg);
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (this.logger.isDebugEnabled()) {
			log(ctx, "WriteAsync", msg);
		}
		ctx.write(msg, promise);
	}

	private void log(ChannelHandlerContext ctx, String method, Object msg) {
		ByteBuf bytes = (msg instanceof ByteBuf buf) ? buf
				: (msg instanceof ByteBufHolder holder) ? holder.content() : null;
		String id = ctx.channel().id().asShortText();
		if (bytes != null) {
			this.logger.debug("[" + id + "] " + method + "[" + bytes.readableBytes() + "]" + dump(bytes));
		}
		else if (msg instanceof FileRegion region) {
			this.logger.debug("[" + id + "] " + method + "[" + region.count() + "] (file region, not shown)");
		}
	}

	/**
	 * Formats bytes as Kestrel's connection logging does: 16 per line, hex then text,
	 * with a dot for every byte that is not printable ASCII.
	 */
	static String dump(ByteBuf bytes) {
		StringBuilder out = new StringBuilder();
		int start = bytes.readerIndex();
		int end = bytes.writerIndex();
		for (int line = start; line < end; line += BYTES_PER_LINE) {
			int lineEnd = Math.min(line + BYTES_PER_LINE, end);
			out.append(System.lineSeparator());
			StringBuilder text = new StringBuilder(BYTES_PER_LINE);
			for (int i = line; i < line + BYTES_PER_LINE; i++) {
				if (i < lineEnd) {
					int b = bytes.getUnsignedByte(i);
					out.append(HEX[b >> 4]).append(HEX[b & 0xF]).append(' ');
					text.append((b >= 0x20 && b < 0x7F) ? (char) b : '.');
				}
				else {
					out.append("   ");
				}
			}
			out.append(' ').append(text);
		}
		return out.toString();
	}

}
