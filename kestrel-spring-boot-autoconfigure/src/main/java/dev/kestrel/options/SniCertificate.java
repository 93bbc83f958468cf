package dev.kestrel.options;

import java.util.function.Supplier;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.certificates.ServerCertificate;

import static java.util.Objects.requireNonNull;

/**
 * The certificate of one SNI entry: loaded at start-up, or — for SNI sections with many
 * certificates — on first use (the first handshake for the host, or the background
 * loading that follows start-up). Loading happens once; a failure is kept and reported
 * again on every use. {@link #toString()} never shows the key.
 */
public final class SniCertificate {

	private final String key;

	private final Supplier<ServerCertificate> loader;

	private volatile ServerCertificate certificate;

	private volatile KestrelConfigurationException failure;

	private SniCertificate(String key, ServerCertificate certificate, Supplier<ServerCertificate> loader) {
		this.key = key;
		this.certificate = certificate;
		this.loader = loader;
	}

	/**
	 * @param certificate a loaded certificate
	 * @return the entry's certificate
	 */
	public static SniCertificate of(ServerCertificate certificate) {
		return new SniCertificate(null, requireNonNull(certificate, "certificate"), null);
	}

	/**
	 * @param key the configuration key of the certificate section, for messages
	 * @param loader loads the certificate; throws {@link KestrelConfigurationException}
	 * when it cannot
	 * @return the entry's certificate, loaded on first use
	 */
	public static SniCertificate deferred(String key, Supplier<ServerCertificate> loader) {
		return new SniCertificate(requireNonNull(key, "key"), null, requireNonNull(loader, "loader"));
	}

	/**
	 * Returns the certificate, loading it first if needed.
	 * @return the certificate
	 * @throws KestrelConfigurationException when it cannot be loaded (every time)
	 */
	public ServerCertificate get() {
		ServerCertificate loaded = this.certificate;
		if (loaded != null) {
			return loaded;
		}
		synchronized (this) {
			if (this.certificate == null && this.failure == null) {
				try {
					this.certificate = requireNonNull(this.loader.get(), "certificate");
				}
				catch (KestrelConfigurationException ex) {
					this.failure = ex;
				}
			}
			if (this.failure != null) {
				throw this.failure;
			}
			return this.certificate;
		}
	}

	/**
	 * @return whether the certificate is loaded at start-up rather than on first use
	 */
	public boolean isDeferred() {
		return this.loader != null;
	}

	/**
	 * @return the configuration key of a deferred certificate, or {@code null}
	 */
	public String key() {
		return this.key;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof SniCertificate that && this.loader == null && that.loader == null
				&& this.certificate.equals(that.certificate);
	}

	@Override
	public int hashCode() {
		return (this.loader == null) ? this.certificate.hashCode() : System.identityHashCode(this);
	}

	@Override
	public String toString() {
		return (this.loader == null) ? "SniCertificate[" + this.certificate + "]"
				: "SniCertificate[" + this.key + ", deferred]";
	}

}
