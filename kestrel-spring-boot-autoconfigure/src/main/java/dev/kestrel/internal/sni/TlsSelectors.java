package dev.kestrel.internal.sni;

import java.time.Duration;

import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SniOptions;
import dev.kestrel.options.TlsHandshakeCallbackOptions;

import static java.util.Objects.requireNonNull;

/**
 * The {@link TlsSelector} of an HTTPS endpoint, from what configured it: the TLS
 * handshake callback ({@code useHttps(TlsHandshakeCallbackOptions)}), else the
 * {@code Sni} section, else the endpoint's certificate selector or certificate.
 */
public final class TlsSelectors {

	private TlsSelectors() {
	}

	/**
	 * @param endpoint an HTTPS endpoint
	 * @return its selector
	 */
	public static TlsSelector forEndpoint(ListenOptions endpoint) {
		requireNonNull(endpoint, "endpoint");
		String name = endpoint.getName();
		TlsHandshakeCallbackOptions callback = endpoint.getTlsHandshakeCallbackOptions();
		if (callback != null) {
			return new CallbackTlsSelector(name, callback, endpoint.getProtocols());
		}
		if (!endpoint.getSni().isEmpty()) {
			return new SniOptionsSelector(name, endpoint.getHttpsOptions(), endpoint.getProtocols(), endpoint.getSni());
		}
		return new HttpsOptionsSelector(name, endpoint.getHttpsOptions(), endpoint.getProtocols());
	}

	/**
	 * @param endpoint an HTTPS endpoint
	 * @return how long its handshakes may take
	 */
	public static Duration handshakeTimeout(ListenOptions endpoint) {
		TlsHandshakeCallbackOptions callback = endpoint.getTlsHandshakeCallbackOptions();
		return (callback != null) ? callback.getHandshakeTimeout() : endpoint.getHttpsOptions().getHandshakeTimeout();
	}

	/**
	 * Returns every protocol a connection to the endpoint may negotiate: the endpoint's,
	 * its SNI entries', or any protocol for a TLS handshake callback (which chooses per
	 * connection).
	 * @param endpoint an HTTPS endpoint
	 * @return whether HTTP/1.1 and whether HTTP/2 may be negotiated, as protocols
	 */
	public static HttpProtocols negotiableProtocols(ListenOptions endpoint) {
		if (endpoint.getTlsHandshakeCallbackOptions() != null) {
			return HttpProtocols.HTTP1_AND_HTTP2;
		}
		boolean http1 = endpoint.getProtocols().http1();
		boolean http2 = endpoint.getProtocols().http2();
		for (SniOptions entry : endpoint.getSni().values()) {
			http1 |= entry.protocolsOr(endpoint.getProtocols()).http1();
			http2 |= entry.protocolsOr(endpoint.getProtocols()).http2();
		}
		if (http1 && http2) {
			return HttpProtocols.HTTP1_AND_HTTP2;
		}
		return http2 ? HttpProtocols.HTTP2 : HttpProtocols.HTTP1;
	}

}
