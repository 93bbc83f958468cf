package dev.kestrel.options;

import java.util.Locale;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.TlsMessages;

/**
 * The TLS engine that serves HTTPS ({@code kestrel.tls.engine}, and per endpoint
 * {@code TlsEngine}). The native engines are netty-tcnative builds: only one can load in
 * a JVM, so the native choice is made once per process, before the first TLS context; the
 * JDK engine can still serve single endpoints. HTTP/3 always runs on the QUIC codec's own
 * BoringSSL.
 */
public enum TlsEngine {

	/** The fastest engine that loads: OpenSSL, then BoringSSL, then the JDK. */
	AUTO("auto"),

	/**
	 * The host's OpenSSL 3 (netty-tcnative's dynamic build; needs OpenSSL 3.2+ and
	 * libapr1).
	 */
	OPENSSL("openssl"),

	/** BoringSSL, statically linked (netty-tcnative-boringssl-static). */
	BORINGSSL("boringssl"),

	/** The JDK's own TLS (JSSE). */
	JDK("jdk");

	private final String value;

	TlsEngine(String value) {
		this.value = value;
	}

	/**
	 * @return the configuration value, e.g. {@code openssl}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * @return whether this engine is a netty-tcnative build
	 */
	public boolean isNative() {
		return this == OPENSSL || this == BORINGSSL;
	}

	/**
	 * @return a one-line description, shown by IDE completion
	 */
	public String description() {
		return switch (this) {
			case AUTO -> "The fastest engine that loads: OpenSSL, then BoringSSL, then the JDK.";
			case OPENSSL -> "The host's OpenSSL 3 (netty-tcnative linux-x86_64; needs OpenSSL 3.2+ and libapr1).";
			case BORINGSSL -> "BoringSSL (netty-tcnative-boringssl-static).";
			case JDK -> "The JDK's TLS (JSSE).";
		};
	}

	/**
	 * Parses a configuration value, case-insensitively.
	 * @param value the value, e.g. {@code OpenSSL}
	 * @return the engine
	 * @throws KestrelConfigurationException for an unknown value
	 */
	public static TlsEngine parse(String value) {
		String normalized = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "";
		for (TlsEngine engine : values()) {
			if (engine.value.equals(normalized)) {
				return engine;
			}
		}
		throw new KestrelConfigurationException(TlsMessages.invalidTlsEngine(String.valueOf(value)));
	}

}
