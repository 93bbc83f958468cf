package dev.kestrel.configuration;

import java.net.InetAddress;
import java.util.List;

/**
 * The addresses the environment asks for, outside the {@code Kestrel} section.
 *
 * @param urls the address list ({@code urls}, {@code ASPNETCORE_URLS},
 * {@code DOTNET_URLS} or {@code kestrel.urls}), already split on {@code ;}; empty when
 * none is set
 * @param urlsSource the property the list came from, for messages
 * @param serverPort {@code server.port} when set explicitly, else {@code null}
 * @param serverAddress {@code server.address} when set, else {@code null}
 */
public record HostingAddresses(List<String> urls, String urlsSource, Integer serverPort, InetAddress serverAddress) {

	/** No addresses. */
	public static final HostingAddresses NONE = new HostingAddresses(List.of(), null, null, null);

	public HostingAddresses {
		urls = List.copyOf(urls);
	}

}
