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
 * @param preferHostingUrls {@code kestrel.prefer-hosting-urls}: the address list wins
 * over endpoints
 * @param defaultHttps {@code kestrel.default-https}: the default binding adds
 * {@code https://localhost:5001} when a default certificate exists
 */
public record HostingAddresses(List<String> urls, String urlsSource, Integer serverPort, InetAddress serverAddress,
		boolean preferHostingUrls, boolean defaultHttps) {

	/** No addresses. */
	public static final HostingAddresses NONE = new HostingAddresses(List.of(), null, null, null);

	public HostingAddresses {
		urls = List.copyOf(urls);
	}

	/**
	 * Addresses with the default policy: endpoints win over the address list, and the
	 * default binding adds {@code https://localhost:5001} when it can.
	 * @param urls the address list
	 * @param urlsSource the property the list came from
	 * @param serverPort {@code server.port}, or {@code null}
	 * @param serverAddress {@code server.address}, or {@code null}
	 */
	public HostingAddresses(List<String> urls, String urlsSource, Integer serverPort, InetAddress serverAddress) {
		this(urls, urlsSource, serverPort, serverAddress, false, true);
	}

	/**
	 * @param preferHostingUrls whether the address list wins over endpoints
	 * @param defaultHttps whether the default binding adds {@code https://localhost:5001}
	 * @return these addresses with that policy
	 */
	public HostingAddresses withPolicy(boolean preferHostingUrls, boolean defaultHttps) {
		return new HostingAddresses(this.urls, this.urlsSource, this.serverPort, this.serverAddress, preferHostingUrls,
				defaultHttps);
	}

	/**
	 * @param serverPort {@code server.port}, or {@code null}
	 * @param serverAddress {@code server.address}, or {@code null}
	 * @return these addresses with that port and address
	 */
	public HostingAddresses withServer(Integer serverPort, InetAddress serverAddress) {
		return new HostingAddresses(this.urls, this.urlsSource, serverPort, serverAddress, this.preferHostingUrls,
				this.defaultHttps);
	}

}
