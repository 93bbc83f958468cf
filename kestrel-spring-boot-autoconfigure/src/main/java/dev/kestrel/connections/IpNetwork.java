package dev.kestrel.connections;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IP address or a CIDR network ({@code 10.0.0.0/8}, {@code 2001:db8::/32},
 * {@code 127.0.0.1}), as in {@code TrustedProxies}. An IPv4 network also matches the
 * IPv4-mapped IPv6 form of its addresses ({@code ::ffff:10.1.2.3}), which is how a
 * dual-stack socket reports IPv4 peers.
 */
public final class IpNetwork {

	private final byte[] prefix;

	private final int prefixLength;

	private final String text;

	private IpNetwork(byte[] prefix, int prefixLength, String text) {
		this.prefix = prefix;
		this.prefixLength = prefixLength;
		this.text = text;
	}

	/**
	 * Parses an IP literal or CIDR network; no name is ever resolved.
	 * @param value e.g. {@code 10.0.0.0/8}, {@code ::1}, {@code [::1]}
	 * @return the network
	 * @throws IllegalArgumentException when the value is not an IP literal with an
	 * optional prefix length within the address size
	 */
	public static IpNetwork parse(String value) {
		String text = value.trim();
		int slash = text.indexOf('/');
		String address = (slash >= 0) ? text.substring(0, slash) : text;
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		byte[] bytes = literal(address);
		if (bytes == null) {
			throw new IllegalArgumentException(
					"network: " + value + " (expected: an IP address or CIDR network such as 10.0.0.0/8)");
		}
		int bits = bytes.length * 8;
		int length = bits;
		if (slash >= 0) {
			try {
				length = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				length = -1;
			}
			if (length < 0 || length > bits) {
				throw new IllegalArgumentException(
						"network: " + value + " (expected: a prefix length of 0-" + bits + ")");
			}
		}
		return new IpNetwork(bytes, length, text);
	}

	/**
	 * @param address an address
	 * @return whether the address is in this network
	 */
	public boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length == 16 && this.prefix.length == 4 && isIpv4Mapped(candidate)) {
			candidate = Arrays.copyOfRange(candidate, 12, 16);
		}
		if (candidate.length != this.prefix.length) {
			return false;
		}
		int whole = this.prefixLength / 8;
		for (int i = 0; i < whole; i++) {
			if (candidate[i] != this.prefix[i]) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[whole] & mask) == (this.prefix[whole] & mask);
	}

	private static boolean isIpv4Mapped(byte[] address) {
		for (int i = 0; i < 10; i++) {
			if (address[i] != 0) {
				return false;
			}
		}
		return address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
	}

	private static byte[] literal(String address) {
		boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
		if (!ipv4 && !ipv6) {
			return null;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return (ipv4 && bytes.length != 4) ? null : bytes;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpNetwork network && network.prefixLength == this.prefixLength
				&& Arrays.equals(network.prefix, this.prefix);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.prefix) + this.prefixLength;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
