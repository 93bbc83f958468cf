package dev.kestrel.connections;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One type-length-value field of a PROXY protocol version 2 header, as sent (sub-fields
 * of {@code PP2_TYPE_SSL} are listed after it, each on its own).
 *
 * @param type the type byte, e.g. {@code 0x05} ({@code PP2_TYPE_UNIQUE_ID}), {@code 0x20}
 * ({@code PP2_TYPE_SSL}) or {@code 0xEA} (AWS)
 * @param value the value bytes (a copy)
 */
public record ProxyProtocolTlv(int type, byte[] value) {

	/** {@code PP2_TYPE_ALPN}. */
	public static final int ALPN = 0x01;

	/** {@code PP2_TYPE_AUTHORITY}: the host name the client asked for. */
	public static final int AUTHORITY = 0x02;

	/** {@code PP2_TYPE_UNIQUE_ID}. */
	public static final int UNIQUE_ID = 0x05;

	/** {@code PP2_TYPE_SSL}: the client connected to the proxy with TLS. */
	public static final int SSL = 0x20;

	/** {@code PP2_SUBTYPE_SSL_VERSION}. */
	public static final int SSL_VERSION = 0x21;

	/** {@code PP2_SUBTYPE_SSL_CN}: the client certificate's common name. */
	public static final int SSL_CN = 0x22;

	/** {@code PP2_SUBTYPE_SSL_CIPHER}. */
	public static final int SSL_CIPHER = 0x23;

	/**
	 * AWS's custom type ({@code PP2_TYPE_AWS}); sub-type 1 carries the VPC endpoint id.
	 */
	public static final int AWS = 0xEA;

	/**
	 * @param type the type byte (0-255)
	 * @param value the value bytes
	 */
	public ProxyProtocolTlv {
		if (type < 0 || type > 0xFF) {
			throw new IllegalArgumentException("type: " + type + " (expected: 0-255)");
		}
		value = value.clone();
	}

	/**
	 * @return the value bytes (a copy)
	 */
	@Override
	public byte[] value() {
		return this.value.clone();
	}

	/**
	 * @return the value read as UTF-8 text
	 */
	public String text() {
		return new String(this.value, StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ProxyProtocolTlv tlv && tlv.type == this.type && Arrays.equals(tlv.value, this.value);
	}

	@Override
	public int hashCode() {
		return 31 * this.type + Arrays.hashCode(this.value);
	}

	@Override
	public String toString() {
		return "ProxyProtocolTlv[type=0x" + Integer.toHexString(this.type) + ", length=" + this.value.length + "]";
	}

}
