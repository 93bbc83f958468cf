package dev.kestrel.options;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises IP address literals without ever asking DNS (Kestrel binds host names to
 * every address, it never resolves them).
 */
final class IpLiterals {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private IpLiterals() {
	}

	/**
	 * Parses an IPv4 literal ({@code 127.0.0.1}) or an IPv6 literal with or without
	 * brackets ({@code [::1]}).
	 * @param host the host as written
	 * @return the address, or {@code null} when the host is not an IP literal
	 */
	static InetAddress parse(String host) {
		Matcher ipv4 = IPV4.matcher(host);
		if (ipv4.matches()) {
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				int part = Integer.parseInt(ipv4.group(i + 1));
				if (part > 255) {
					return null;
				}
				bytes[i] = (byte) part;
			}
			return byAddress(bytes);
		}
		String unbracketed = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		int scope = unbracketed.indexOf('%');
		String address = (scope >= 0) ? unbracketed.substring(0, scope) : unbracketed;
		if (address.indexOf(':') >= 0 && address.chars().allMatch(IpLiterals::isIpv6Char)
				&& (scope < 0 || unbracketed.substring(scope + 1).chars().allMatch(IpLiterals::isScopeChar))) {
			try {
				// only hex digits, ':' and '.' (and a scope): the JDK parses it as a
				// literal and never looks it up
				return InetAddress.getByName(unbracketed);
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * @param host the host as written
	 * @return whether the host can only be meant as an IPv6 literal (it contains a colon)
	 */
	static boolean looksLikeIpv6(String host) {
		return host.indexOf(':') >= 0;
	}

	private static boolean isIpv6Char(int c) {
		return Character.digit(c, 16) >= 0 || c == ':' || c == '.';
	}

	private static boolean isScopeChar(int c) {
		return (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '-' || c == '.';
	}

	private static InetAddress byAddress(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
