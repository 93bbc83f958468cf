package dev.kestrel.internal.server.tls;

/**
 * What a TLS handshake settled (Kestrel's {@code ITlsHandshakeFeature} and
 * {@code ITlsApplicationProtocolFeature}), available once the handshake is done through
 * {@link TlsHandshakes}.
 *
 * @param hostName the host name the client asked for (SNI, lower case, A-label form), or
 * {@code ""} when it sent none, as Kestrel reports it
 * @param protocol the TLS version, e.g. {@code TLSv1.3}
 * @param cipherSuite the cipher suite, e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param applicationProtocol the ALPN protocol ({@code h2}, {@code http/1.1}), or
 * {@code null} when none was negotiated
 */
public record TlsHandshakeDetails(String hostName, String protocol, String cipherSuite, String applicationProtocol) {
}
