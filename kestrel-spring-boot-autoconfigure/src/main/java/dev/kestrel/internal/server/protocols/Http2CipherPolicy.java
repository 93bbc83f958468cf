package dev.kestrel.internal.server.protocols;

import java.util.Locale;

/**
 * RFC 9113 §9.2: HTTP/2 over TLS needs TLS 1.2 or later and must not use a cipher suite
 * of the RFC 7540 Appendix A block list — in short, every TLS 1.2 suite without both
 * ephemeral key exchange and an AEAD cipher.
 */
final class Http2CipherPolicy {

	private Http2CipherPolicy() {
	}

	/**
	 * @param protocol the negotiated TLS version, e.g. {@code TLSv1.2}
	 * @return whether HTTP/2 may run over it
	 */
	static boolean isAdequateProtocol(String protocol) {
		return "TLSv1.2".equals(protocol) || "TLSv1.3".equals(protocol);
	}

	/**
	 * @param cipherSuite the negotiated cipher suite (IANA name, as JSSE and Netty's
	 * OpenSSL engine report it)
	 * @return whether HTTP/2 may use it
	 */
	static boolean isAdequateCipher(String cipherSuite) {
		if (cipherSuite == null) {
			return false;
		}
		String name = cipherSuite.toUpperCase(Locale.ROOT);
		if (name.startsWith("TLS_AES_") || name.startsWith("TLS_CHACHA20_")) {
			return true;
		}
		boolean ephemeral = name.startsWith("TLS_ECDHE_") || name.startsWith("TLS_DHE_");
		boolean aead = name.contains("_GCM_") || name.contains("_CHACHA20_POLY1305") || name.contains("_CCM");
		return ephemeral && aead;
	}

}
