package dev.kestrel.internal.limits;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;

/**
 * Kestrel's HTTP/1.1 rejection responses: status line, {@code Content-Length: 0},
 * {@code Connection: close} and {@code Date}, then the connection closes.
 */
final class Http1Responses {

	private Http1Responses() {
	}

	static void reject(ChannelHandlerContext ctx, int status, String reason) {
		String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\nDate: "
				+ DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n\r\n";
		ByteBuf bytes = Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII);
		ctx.writeAndFlush(bytes).addListener(ChannelFutureListener.CLOSE);
	}

}
