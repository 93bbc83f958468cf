package dev.kestrel.internal.hosting;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import dev.kestrel.configuration.HostingConfig;
import dev.kestrel.diagnostics.HostingMessages;
import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.options.ListenOptions;

/**
 * One endpoint's request filters, in ASP.NET Core's order, before the application (and
 * before Spring's WebFilters) sees the request:
 * <ol>
 * <li>host filtering: a {@code Host} that matches neither the endpoint's
 * {@code AllowedHosts} nor, without one, the top-level {@code AllowedHosts} gets 400; an
 * empty host passes when {@code AllowEmptyHosts} is true (the default);</li>
 * <li>HTTPS redirection (opt-in): a request whose scheme is not {@code https} (with
 * forwarded headers honoured when Spring Boot's {@code server.forward-headers-strategy}
 * enables them) is redirected with 307 or 308, path and query kept, to the configured
 * port, else {@code HTTPS_PORT}, else the port of the one HTTPS endpoint bound (443 is
 * left out of the URL);</li>
 * <li>HSTS (opt-in): HTTPS responses carry {@code Strict-Transport-Security}, except for
 * the excluded hosts ({@code localhost}, {@code 127.0.0.1}, {@code [::1]} by
 * default).</li>
 * </ol>
 */
public final class RequestFilters {

	private static final Log logger = LogFactory.getLog(RequestFilters.class);

	private static final String INVALID_HOST = "Bad Request - Invalid Hostname";

	private final String endpointName;

	private final @Nullable HostNamePatterns allowedHosts;

	private final boolean allowEmptyHosts;

	private final HostingConfig.Redirection redirection;

	private final Supplier<Set<Integer>> httpsPorts;

	private final HostingConfig.@Nullable Hsts hsts;

	private final HostNamePatterns hstsExcluded;

	private volatile @Nullable Integer resolvedPort;

	private volatile boolean portWarned;

	private RequestFilters(String endpointName, @Nullable HostNamePatterns allowedHosts, boolean allowEmptyHosts,
			HostingConfig.Redirection redirection, Supplier<Set<Integer>> httpsPorts,
			HostingConfig.@Nullable Hsts hsts) {
		this.endpointName = endpointName;
		this.allowedHosts = allowedHosts;
		this.allowEmptyHosts = allowEmptyHosts;
		this.redirection = redirection;
		this.httpsPorts = httpsPorts;
		this.hsts = hsts;
		this.hstsExcluded = HostNamePatterns.of((hsts != null) ? hsts.excludedHosts() : List.of());
	}

	/**
	 * @param config the hosting settings
	 * @param endpoint the endpoint
	 * @param httpsPorts the ports of the HTTPS endpoints once bound (read on first
	 * redirect)
	 * @return the endpoint's filters
	 * @throws KestrelConfigurationException for an entry that is not a host name
	 */
	public static RequestFilters of(HostingConfig config, ListenOptions endpoint, Supplier<Set<Integer>> httpsPorts) {
		String name = String.valueOf(endpoint.getName());
		List<String> hosts = (endpoint.getAllowedHosts() != null) ? endpoint.getAllowedHosts() : config.allowedHosts();
		String key = (endpoint.getAllowedHosts() != null) ? "kestrel.endpoints." + name + ".allowed-hosts"
				: "AllowedHosts";
		HostNamePatterns allowed = null;
		if (hosts != null && !hosts.isEmpty()) {
			try {
				allowed = HostNamePatterns.of(hosts);
			}
			catch (IllegalArgumentException ex) {
				throw new KestrelConfigurationException(name, key,
						HostingMessages.invalidAllowedHost(key, String.valueOf(ex.getMessage())), null);
			}
			if (allowed.matchesAny()) {
				allowed = null;
			}
		}
		HostingConfig.Redirection redirection = endpoint.isHttps() ? HostingConfig.Redirection.OFF
				: config.redirection();
		HostingConfig.Hsts hsts = (endpoint.isHttps() && config.hsts().enabled()) ? config.hsts() : null;
		try {
			return new RequestFilters(name, allowed, config.allowEmptyHosts(), redirection, httpsPorts, hsts);
		}
		catch (IllegalArgumentException ex) {
			throw new KestrelConfigurationException(name, "kestrel.hsts.excluded-hosts",
					HostingMessages.invalidAllowedHost("kestrel.hsts.excluded-hosts", String.valueOf(ex.getMessage())),
					null);
		}
	}

	/**
	 * @return whether any filter applies (else {@link #wrap} returns its argument)
	 */
	public boolean isActive() {
		return this.allowedHosts != null || !this.allowEmptyHosts || this.redirection.enabled() || this.hsts != null;
	}

	/**
	 * @param next the application
	 * @return the application behind these filters
	 */
	public BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> wrap(
			BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> next) {
		if (!isActive()) {
			return next;
		}
		return (request, response) -> {
			String host = HostNamePatterns.hostOf(request.requestHeaders().get(HttpHeaderNames.HOST));
			if (!hostAllowed(host)) {
				return response.status(HttpResponseStatus.BAD_REQUEST)
					.header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii")
					.sendString(Mono.just(INVALID_HOST));
			}
			if (this.redirection.enabled() && !"https".equalsIgnoreCase(request.scheme())) {
				Integer port = httpsPort();
				if (port != null) {
					String location = "https://" + host + ((port == 443) ? "" : ":" + port) + request.uri();
					logger.debug(HostingMessages.redirectingToHttps(location));
					return response.status(this.redirection.statusCode())
						.header(HttpHeaderNames.LOCATION, location)
						.send();
				}
			}
			if (this.hsts != null && "https".equalsIgnoreCase(request.scheme()) && !host.isEmpty()
					&& !this.hstsExcluded.matches(host)) {
				response.header("Strict-Transport-Security", this.hsts.headerValue());
			}
			return next.apply(request, response);
		};
	}

	private boolean hostAllowed(String host) {
		if (host.isEmpty()) {
			if (!this.allowEmptyHosts) {
				logger.debug(HostingMessages.emptyHostNotAllowed(this.endpointName));
			}
			return this.allowEmptyHosts;
		}
		if (this.allowedHosts == null || this.allowedHosts.matches(host)) {
			return true;
		}
		if (logger.isDebugEnabled()) {
			logger.debug(HostingMessages.hostNotAllowed(host.toLowerCase(Locale.ROOT), this.endpointName));
		}
		return false;
	}

	private @Nullable Integer httpsPort() {
		if (this.redirection.httpsPort() != null) {
			return this.redirection.httpsPort();
		}
		Integer port = this.resolvedPort;
		if (port != null) {
			return port;
		}
		Set<Integer> ports = this.httpsPorts.get();
		if (ports.size() == 1) {
			this.resolvedPort = ports.iterator().next();
			return this.resolvedPort;
		}
		if (!this.portWarned) {
			this.portWarned = true;
			logger.warn(
					ports.isEmpty() ? HostingMessages.httpsPortNotDetermined() : HostingMessages.httpsPortAmbiguous());
		}
		return null;
	}

}
