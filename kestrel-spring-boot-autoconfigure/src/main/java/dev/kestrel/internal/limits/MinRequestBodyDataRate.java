package dev.kestrel.internal.limits;

import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;

import dev.kestrel.options.MinDataRate;

import static java.util.Objects.requireNonNull;

/**
 * The minimum body data rate of one request, which the application may change until it
 * starts reading the body (Kestrel's {@code IHttpMinRequestBodyDataRateFeature}):
 *
 * <pre class="code">
 * MinRequestBodyDataRate.of(exchange.getRequest()).ifPresent((rate) -&gt; rate.set(null));
 * </pre>
 */
public final class MinRequestBodyDataRate {

	static final AttributeKey<MinRequestBodyDataRate> ATTRIBUTE = AttributeKey
		.valueOf("dev.kestrel.min-request-body-data-rate");

	private @Nullable MinDataRate rate;

	private boolean readOnly;

	MinRequestBodyDataRate(@Nullable MinDataRate rate) {
		this.rate = rate;
	}

	/**
	 * @param request a request served by a Kestrel endpoint
	 * @return its minimum body data rate, or empty for requests from elsewhere
	 */
	public static Optional<MinRequestBodyDataRate> of(ServerHttpRequest request) {
		requireNonNull(request, "request");
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (nativeRequest instanceof Connection connection) {
			return Optional.ofNullable(connection.channel().attr(ATTRIBUTE).get());
		}
		return Optional.empty();
	}

	static void attach(Channel channel, MinRequestBodyDataRate rate) {
		channel.attr(ATTRIBUTE).set(rate);
	}

	/**
	 * @return the minimum rate, or {@code null} for none
	 */
	public @Nullable MinDataRate get() {
		return this.rate;
	}

	/**
	 * Changes the minimum rate of this request's body.
	 * @param rate the minimum rate, or {@code null} for none
	 * @throws IllegalStateException once the body is being read
	 */
	public void set(@Nullable MinDataRate rate) {
		if (this.readOnly) {
			throw new IllegalStateException("The minimum request body data rate cannot be modified after the app "
					+ "has already started reading from the request body.");
		}
		this.rate = rate;
	}

	@Nullable MinDataRate startReading() {
		this.readOnly = true;
		return this.rate;
	}

}
