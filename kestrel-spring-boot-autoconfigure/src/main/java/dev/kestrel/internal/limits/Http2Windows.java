package dev.kestrel.internal.limits;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;

/**
 * {@code Http2.InitialConnectionWindowSize}: HTTP/2 starts every connection's receive
 * window at 65,535 bytes; as Kestrel does, the server widens it with a WINDOW_UPDATE on
 * stream 0 right after its SETTINGS (Reactor Netty has no setting for it).
 */
final class Http2Windows {

	private Http2Windows() {
	}

	static void widen(ChannelPipeline pipeline, int connectionWindow) {
		Http2FrameCodec codec = pipeline.get(Http2FrameCodec.class);
		if (codec == null) {
			return;
		}
		Http2Connection connection = codec.connection();
		// Netty already widened it to the stream window; add what is missing
		int delta = connectionWindow - connection.local().flowController().windowSize(connection.connectionStream());
		if (delta <= 0) {
			return;
		}
		try {
			connection.local().flowController().incrementWindowSize(connection.connectionStream(), delta);
			pipeline.flush();
		}
		catch (Http2Exception ex) {
			pipeline.fireExceptionCaught(ex);
		}
	}

}
