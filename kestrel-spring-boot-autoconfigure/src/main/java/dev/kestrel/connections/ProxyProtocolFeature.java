package dev.kestrel.connections;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The PROXY protocol header a connection started with: who connected to the proxy, to
 * which address, and (version 2) the type-length-value fields the proxy added.
 *
 * @param version 1 or 2
 * @param local whether the proxy sent {@code LOCAL} (its own health check: the addresses
 * are not a client's)
 * @param source the client's address and port, or {@code null} for {@code LOCAL} and
 * {@code UNKNOWN} headers
 * @param destination the address and port the client connected to on the proxy, or
 * {@code null} as for {@code source}
 * @param tlvs the version 2 fields, in the order sent (empty for version 1)
 */
public record ProxyProtocolFeature(int version, boolean local, @Nullable InetSocketAddress source,
		@Nullable InetSocketAddress destination, List<ProxyProtocolTlv> tlvs) {

	/**
	 * Copies the fields.
	 */
	public ProxyProtocolFeature {
		tlvs = List.copyOf(tlvs);
	}

	/**
	 * @param type the field type, e.g. {@link ProxyProtocolTlv#UNIQUE_ID}
	 * @return the first field of that type
	 */
	public Optional<ProxyProtocolTlv> tlv(int type) {
		return this.tlvs.stream().filter((tlv) -> tlv.type() == type).findFirst();
	}

	/**
	 * @return {@code PP2_TYPE_UNIQUE_ID} as text (HAProxy's {@code unique-id})
	 */
	public Optional<String> uniqueId() {
		return tlv(ProxyProtocolTlv.UNIQUE_ID).map(ProxyProtocolTlv::text);
	}

	/**
	 * @return {@code PP2_TYPE_AUTHORITY}: the host name the client sent the proxy (SNI)
	 */
	public Optional<String> authority() {
		return tlv(ProxyProtocolTlv.AUTHORITY).map(ProxyProtocolTlv::text);
	}

	/**
	 * @return the TLS version the client used with the proxy ({@code PP2_TYPE_SSL} with
	 * its {@code PP2_SUBTYPE_SSL_VERSION}), e.g. {@code TLSv1.3}
	 */
	public Optional<String> sslVersion() {
		return tlv(ProxyProtocolTlv.SSL_VERSION).map(ProxyProtocolTlv::text);
	}

	/**
	 * @return whether the client connected to the proxy over TLS ({@code PP2_TYPE_SSL}
	 * with its {@code PP2_CLIENT_SSL} bit)
	 */
	public boolean ssl() {
		return tlv(ProxyProtocolTlv.SSL).map((tlv) -> tlv.value().length > 0 && (tlv.value()[0] & 0x01) != 0)
			.orElse(false);
	}

	/**
	 * @return the AWS VPC endpoint id (type {@code 0xEA}, sub-type {@code 0x01}), as an
	 * AWS Network Load Balancer sends it
	 */
	public Optional<String> awsVpcEndpointId() {
		return tlv(ProxyProtocolTlv.AWS).map(ProxyProtocolTlv::value)
			.filter((value) -> value.length > 1 && value[0] == 0x01)
			.map((value) -> new String(Arrays.copyOfRange(value, 1, value.length), StandardCharsets.US_ASCII));
	}

}
