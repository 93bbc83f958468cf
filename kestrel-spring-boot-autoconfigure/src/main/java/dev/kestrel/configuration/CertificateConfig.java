package dev.kestrel.configuration;

/**
 * A {@code Certificate} section as written in configuration: a file (PKCS#12, or PEM with
 * {@code KeyPath}), a certificate-store entry, or a Spring SSL bundle. Raw values; the
 * TLS layer interprets them. {@link #toString()} never shows the password.
 *
 * <pre>
 * Certificate:
 *   Path: certs/server.pfx        # or certs/server.crt with KeyPath
 *   KeyPath: certs/server.key
 *   Password: ${CERT_PASSWORD}
 *   Subject: localhost            # store certificate
 *   Store: My
 *   Location: CurrentUser
 *   AllowInvalid: false
 *   Bundle: my-bundle             # Spring SSL bundle
 * </pre>
 *
 * @param path certificate file
 * @param keyPath PEM private key file
 * @param password PFX password or PEM key password
 * @param subject store subject to match
 * @param store store name
 * @param location store location
 * @param allowInvalid whether invalid store certificates may be used
 * @param bundle Spring SSL bundle name
 */
public record CertificateConfig(String path, String keyPath, String password, String subject, String store,
		String location, Boolean allowInvalid, String bundle) {

	/** An empty section. */
	public static final CertificateConfig EMPTY = new CertificateConfig(null, null, null, null, null, null, null, null);

	/**
	 * @return whether {@code Path} is set
	 */
	public boolean isFileCert() {
		return hasText(this.path);
	}

	/**
	 * @return whether {@code Subject} is set
	 */
	public boolean isStoreCert() {
		return hasText(this.subject);
	}

	/**
	 * @return whether {@code Bundle} is set
	 */
	public boolean isBundleCert() {
		return hasText(this.bundle);
	}

	/**
	 * @return whether no key is set at all
	 */
	public boolean isEmpty() {
		return equals(EMPTY);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		return "CertificateConfig[path=" + this.path + ", keyPath=" + this.keyPath + ", password="
				+ ((this.password != null) ? "******" : null) + ", subject=" + this.subject + ", store=" + this.store
				+ ", location=" + this.location + ", allowInvalid=" + this.allowInvalid + ", bundle=" + this.bundle
				+ "]";
	}

}
