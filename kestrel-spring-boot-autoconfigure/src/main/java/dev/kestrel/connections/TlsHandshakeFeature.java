package dev.kestrel.connections;

import java.security.cert.X509Certificate;

import org.jspecify.annotations.Nullable;

/**
 * What the TLS handshake of a connection settled (Kestrel's {@code ITlsHandshakeFeature},
 * {@code ITlsApplicationProtocolFeature} and {@code ITlsConnectionFeature}).
 *
 * @param hostName the host name the client asked for (SNI, lower case), or {@code ""}
 * when it sent none, as Kestrel reports it
 * @param protocol the TLS version, e.g. {@code TLSv1.3}
 * @param cipherSuite the cipher suite in its IANA name, e.g.
 * {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}
 * @param applicationProtocol the ALPN protocol ({@code h2}, {@code http/1.1}), or
 * {@code null} when none was negotiated
 * @param clientCertificate the client's certificate, or {@code null} when it sent none
 */
public record TlsHandshakeFeature(String hostName, String protocol, String cipherSuite,
		@Nullable String applicationProtocol, @Nullable X509Certificate clientCertificate) {

}
