package dev.kestrel.options;

import java.util.Locale;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.BindingMessages;

import static java.util.Objects.requireNonNull;

/**
 * A server address written as a URL prefix, parsed with Kestrel's rules
 * ({@code BindingAddress.Parse} followed by {@code AddressBinder.ParseAddress}), but
 * stricter where Kestrel is silent: a non-numeric or out-of-range port is an error
 * instead of becoming part of the host name.
 * <ul>
 * <li>{@code http://127.0.0.1:5000}, {@code http://[::1]:5000},
 * {@code http://0.0.0.0:80}: that IP address</li>
 * <li>{@code http://localhost:5000} (and {@code http://app.localhost:5000}): IPv4 and
 * IPv6 loopback</li>
 * <li>{@code http://*:80}, {@code http://+:80}, {@code http://contoso.com:80}: every IPv4
 * and IPv6 address</li>
 * <li>{@code http://unix:/run/app.sock}: a Unix domain socket (absolute path)</li>
 * </ul>
 * The port defaults to 80 for {@code http} and 443 for {@code https}.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host as written ({@code [::1]}, {@code localhost}, {@code *}), or
 * {@code null} for a Unix socket
 * @param port the port, {@code 0} for a dynamic port or a Unix socket
 * @param unixSocketPath the socket path, or {@code null}
 */
public record BindingAddress(String scheme, String host, int port, String unixSocketPath) {

	private static final String SCHEME_DELIMITER = "://";

	private static final String UNIX_PREFIX = "unix:";

	public BindingAddress {
		requireNonNull(scheme, "scheme");
	}

	/**
	 * Parses an address.
	 * @param url the address
	 * @return the parsed address
	 * @throws KestrelConfigurationException when the address is invalid
	 */
	public static BindingAddress parse(String url) {
		String address = (url != null) ? url : "";
		int schemeDelimiter = address.indexOf(SCHEME_DELIMITER);
		if (schemeDelimiter < 0) {
			throw fail(BindingMessages.invalidUrl(address));
		}
		String scheme = address.substring(0, schemeDelimiter).toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw fail(BindingMessages.unsupportedScheme(address));
		}
		String rest = address.substring(schemeDelimiter + SCHEME_DELIMITER.length());
		if (rest.regionMatches(true, 0, UNIX_PREFIX, 0, UNIX_PREFIX.length())) {
			return parseUnixSocket(address, scheme, rest);
		}
		int hostEnd = rest.indexOf('/');
		String hostAndPort = (hostEnd >= 0) ? rest.substring(0, hostEnd) : rest;
		checkNoPathBase(address, (hostEnd >= 0) ? rest.substring(hostEnd) : "");
		String host = hostAndPort;
		int port = scheme.equals("https") ? 443 : 80;
		int colon = hostAndPort.lastIndexOf(':');
		boolean bracketedIpv6WithoutPort = hostAndPort.endsWith("]");
		if (colon >= 0 && !bracketedIpv6WithoutPort) {
			host = hostAndPort.substring(0, colon);
			port = parsePort(address, hostAndPort.substring(colon + 1));
		}
		if (host.isEmpty() || (IpLiterals.looksLikeIpv6(host) && IpLiterals.parse(host) == null)) {
			throw fail(BindingMessages.invalidUrl(address));
		}
		return new BindingAddress(scheme, host, port, null);
	}

	private static BindingAddress parseUnixSocket(String address, String scheme, String rest) {
		String afterPrefix = rest.substring(UNIX_PREFIX.length());
		if (!afterPrefix.startsWith("/")) {
			throw fail(BindingMessages.unixSocketPathMustBeAbsolute(address));
		}
		int pathEnd = afterPrefix.indexOf(':');
		String path = (pathEnd >= 0) ? afterPrefix.substring(0, pathEnd) : afterPrefix;
		checkNoPathBase(address, (pathEnd >= 0) ? afterPrefix.substring(pathEnd + 1) : "");
		return new BindingAddress(scheme, null, 0, path.replaceAll("^/+", "/"));
	}

	private static void checkNoPathBase(String address, String pathBase) {
		if (!pathBase.isEmpty() && !pathBase.equals("/")) {
			throw fail(BindingMessages.pathBaseNotSupported(address));
		}
	}

	private static int parsePort(String address, String text) {
		if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
			throw fail(BindingMessages.invalidPort(address, text));
		}
		int port = Integer.parseInt(text);
		if (port > 65535) {
			throw fail(BindingMessages.invalidPort(address, text));
		}
		return port;
	}

	private static KestrelConfigurationException fail(dev.kestrel.diagnostics.Problem problem) {
		return new KestrelConfigurationException(problem);
	}

	/**
	 * @return whether the scheme is {@code https}
	 */
	public boolean isHttps() {
		return this.scheme.equals("https");
	}

	/**
	 * @return whether this is a Unix domain socket address
	 */
	public boolean isUnixSocket() {
		return this.unixSocketPath != null;
	}

}
