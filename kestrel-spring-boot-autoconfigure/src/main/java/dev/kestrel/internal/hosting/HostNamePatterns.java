package dev.kestrel.internal.hosting;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;

/**
 * A list of host names as ASP.NET Core's host filtering reads {@code AllowedHosts}:
 * {@code *} allows every host, {@code *.example.org} every subdomain of example.org (not
 * example.org itself), anything else one host, compared case-insensitively. Names are
 * compared in their ASCII (punycode) form, so {@code bücher.example} matches the
 * {@code xn--bcher-kva.example} clients send; IP literals are compared as addresses, so
 * {@code [::1]} matches {@code [0:0:0:0:0:0:0:1]}.
 */
final class HostNamePatterns {

	private final boolean any;

	private final List<String> exact;

	private final List<String> suffixes;

	private HostNamePatterns(boolean any, List<String> exact, List<String> suffixes) {
		this.any = any;
		this.exact = exact;
		this.suffixes = suffixes;
	}

	/**
	 * @param entries the entries as written
	 * @return the patterns
	 * @throws IllegalArgumentException naming the first entry that is not a host name
	 */
	static HostNamePatterns of(List<String> entries) {
		boolean any = false;
		List<String> exact = new ArrayList<>();
		List<String> suffixes = new ArrayList<>();
		for (String entry : entries) {
			String trimmed = entry.trim();
			if (trimmed.equals("*")) {
				any = true;
			}
			else if (trimmed.startsWith("*.")) {
				suffixes.add("." + normalize(trimmed.substring(2), entry));
			}
			else {
				exact.add(normalize(trimmed, entry));
			}
		}
		return new HostNamePatterns(any, List.copyOf(exact), List.copyOf(suffixes));
	}

	/**
	 * @return whether every host matches
	 */
	boolean matchesAny() {
		return this.any;
	}

	/**
	 * @param host a host without port, as {@link #hostOf(String)} returns it
	 * @return whether it matches an entry
	 */
	boolean matches(String host) {
		if (this.any) {
			return true;
		}
		String normalized;
		try {
			normalized = normalize(host, host);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (this.exact.contains(normalized)) {
			return true;
		}
		for (String suffix : this.suffixes) {
			if (normalized.endsWith(suffix) && normalized.length() > suffix.length()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param hostHeader a {@code Host} header value ({@code example.org:8080},
	 * {@code [::1]:5000})
	 * @return the host without the port, or {@code ""} for an empty header
	 */
	static String hostOf(@Nullable String hostHeader) {
		if (hostHeader == null) {
			return "";
		}
		String value = hostHeader.trim();
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			return (end > 0) ? value.substring(0, end + 1) : value;
		}
		int colon = value.lastIndexOf(':');
		return (colon >= 0 && value.indexOf(':') == colon) ? value.substring(0, colon) : value;
	}

	private static String normalize(String host, String entry) {
		if (host.isEmpty() || host.contains("/") || host.contains(" ")) {
			throw new IllegalArgumentException(entry);
		}
		String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (NetUtil.isValidIpV6Address(literal)) {
			return "[" + NetUtil.toAddressString(address(literal)) + "]";
		}
		if (host.startsWith("[") || literal.contains(":")) {
			throw new IllegalArgumentException(entry);
		}
		try {
			return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(entry, ex);
		}
	}

	private static InetAddress address(String literal) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

}
