package dev.kestrel.internal.server.tls;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.kestrel.options.SslProtocols;

/**
 * The starter's TLS defaults, Mozilla's "intermediate" configuration: TLS 1.2 and 1.3
 * only; TLS 1.2 suites with ephemeral ECDH key exchange and an AEAD cipher only (AES-GCM,
 * ChaCha20-Poly1305); the X25519, P-256 and P-384 groups. Compression is off on every
 * engine and no engine accepts a client-initiated renegotiation (BoringSSL and the JDK
 * engine as configured by {@link JdkTlsDefaults}).
 * <p>
 * {@code SslProtocols} opens it explicitly: an endpoint that names TLS 1.0 or 1.1 also
 * gets the ECDHE CBC suites those versions need (with a warning), and
 * {@code onAuthenticate} may change the suites of a connection.
 */
final class TlsPolicy {

	/** TLS 1.3 suites (IANA names), in the order Mozilla lists them. */
	static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256");

	/** TLS 1.2 suites: ECDHE with AEAD only, ECDSA before RSA, AES-128 first. */
	static final List<String> TLS12_SUITES = List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

	/** Suites for TLS 1.0 and 1.1, only when an endpoint names them. */
	static final List<String> LEGACY_SUITES = List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
			"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
			"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");

	/** Key-exchange groups (JDK names; Netty converts them for OpenSSL). */
	static final List<String> GROUPS = List.of("x25519", "secp256r1", "secp384r1");

	private static final Set<SslProtocols> DEFAULT_PROTOCOLS = EnumSet.of(SslProtocols.TLS12, SslProtocols.TLS13);

	private TlsPolicy() {
	}

	/**
	 * @param configured the endpoint's {@code SslProtocols} (empty: the default)
	 * @return the TLS versions to enable, JSSE names in ascending order
	 */
	static String[] protocols(Set<SslProtocols> configured) {
		Set<SslProtocols> protocols = configured.isEmpty() ? DEFAULT_PROTOCOLS : configured;
		return protocols.stream().sorted().map(SslProtocols::jsseName).toArray(String[]::new);
	}

	/**
	 * @param configured the endpoint's {@code SslProtocols} (empty: the default)
	 * @return the cipher suites to enable, IANA names, most preferred first
	 */
	static List<String> cipherSuites(Set<SslProtocols> configured) {
		List<String> suites = new ArrayList<>(TLS13_SUITES);
		suites.addAll(TLS12_SUITES);
		if (configured.contains(SslProtocols.TLS) || configured.contains(SslProtocols.TLS11)) {
			suites.addAll(LEGACY_SUITES);
		}
		return suites;
	}

}
