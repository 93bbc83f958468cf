package dev.kestrel.configuration;

import java.time.Duration;
import java.util.List;

/**
 * What the endpoints do with requests before the application sees them, as ASP.NET Core's
 * host filtering, HTTPS redirection and HSTS middleware do.
 *
 * @param allowedHosts the top-level {@code AllowedHosts} entries ({@code ;}-split), or
 * {@code null} when unset (every host)
 * @param allowEmptyHosts {@code AllowEmptyHosts}: whether requests without a host pass
 * (default true, as ASP.NET Core)
 * @param redirection {@code kestrel.https-redirection.*}
 * @param hsts {@code kestrel.hsts.*}
 */
public record HostingConfig(List<String> allowedHosts, boolean allowEmptyHosts, Redirection redirection, Hsts hsts) {

	/** Nothing filtered, nothing redirected, no header. */
	public static final HostingConfig NONE = new HostingConfig(null, true, Redirection.OFF, Hsts.OFF);

	public HostingConfig {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : null;
	}

	/**
	 * HTTPS redirection.
	 *
	 * @param enabled whether plain-HTTP requests are redirected
	 * @param statusCode 307 or 308 (301 and 302 accepted, as ASP.NET Core)
	 * @param httpsPort the port in the Location header, or {@code null} to find it
	 * @param httpsPortSource the key the port came from, for messages
	 */
	public record Redirection(boolean enabled, int statusCode, Integer httpsPort, String httpsPortSource) {

		/** Off. */
		public static final Redirection OFF = new Redirection(false, 307, null, null);

	}

	/**
	 * The Strict-Transport-Security header.
	 *
	 * @param enabled whether HTTPS responses carry it
	 * @param maxAge the max-age directive
	 * @param includeSubDomains whether to add includeSubDomains
	 * @param preload whether to add preload
	 * @param excludedHosts hosts that never get it
	 */
	public record Hsts(boolean enabled, Duration maxAge, boolean includeSubDomains, boolean preload,
			List<String> excludedHosts) {

		/** Off. */
		public static final Hsts OFF = new Hsts(false, Duration.ofDays(30), false, false,
				List.of("localhost", "127.0.0.1", "[::1]"));

		public Hsts {
			excludedHosts = List.copyOf(excludedHosts);
		}

		/**
		 * @return the header value, e.g. {@code max-age=2592000; includeSubDomains}
		 */
		public String headerValue() {
			return "max-age=" + this.maxAge.toSeconds() + (this.includeSubDomains ? "; includeSubDomains" : "")
					+ (this.preload ? "; preload" : "");
		}

	}

}
