package dev.kestrel.autoconfigure.actuate;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.kestrel.internal.server.BoundEndpoint;
import dev.kestrel.options.ListenOptions;

/**
 * One endpoint as the {@code kestrel} Actuator endpoint shows it.
 *
 * @param name the endpoint name
 * @param source where it was declared: {@code configuration}, {@code code}, {@code urls},
 * {@code server-port} or {@code default}
 * @param url the configured address ({@code http://127.0.0.1:0})
 * @param bound whether it is bound now
 * @param boundUrl the address with the port actually bound, or {@code null} when not
 * bound
 * @param addresses the TCP (or Unix) socket addresses bound
 * @param quicAddresses the UDP addresses bound for HTTP/3
 * @param protocols Kestrel's {@code Protocols} value
 * @param tls the TLS settings, or {@code null} for {@code http://} endpoints
 * @param limits the limits in force, by Kestrel key
 */
public record EndpointDescriptor(String name, String source, String url, boolean bound, @Nullable String boundUrl,
		List<String> addresses, List<String> quicAddresses, String protocols, @Nullable TlsDescriptor tls,
		Map<String, Object> limits) {

	static EndpointDescriptor of(ListenOptions options, @Nullable BoundEndpoint bound) {
		return new EndpointDescriptor(options.getName(),
				options.getSource().name().toLowerCase(Locale.ROOT).replace('_', '-'), options.getDisplayName(),
				bound != null, (bound != null) ? bound.displayName() : null,
				(bound != null) ? strings(bound.addresses()) : List.of(),
				(bound != null) ? strings(bound.quicAddresses()) : List.of(), options.getProtocols().kestrelName(),
				options.isHttps() ? TlsDescriptor.of(options) : null, LimitsDescriptor.of(options.getLimits()));
	}

	private static List<String> strings(List<SocketAddress> addresses) {
		List<String> result = new ArrayList<>(addresses.size());
		addresses.forEach((address) -> result.add(String.valueOf(address)));
		return List.copyOf(result);
	}

}
