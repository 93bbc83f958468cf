package dev.kestrel.options;

/**
 * Certificate store names, as .NET names them
 * ({@code System.Security.Cryptography.X509Certificates.StoreName}). Configuration may
 * also name a custom store by any string.
 */
public enum StoreName {

	/** Other users' certificates. */
	ADDRESS_BOOK("AddressBook"),

	/** Third-party certificate authorities. */
	AUTH_ROOT("AuthRoot"),

	/** Intermediate certificate authorities. */
	CERTIFICATE_AUTHORITY("CA"),

	/** Revoked certificates. */
	DISALLOWED("Disallowed"),

	/** Personal certificates (with private keys); where development certificates live. */
	MY("My"),

	/** Trusted root certificate authorities. */
	ROOT("Root"),

	/** Directly trusted people and resources. */
	TRUSTED_PEOPLE("TrustedPeople"),

	/** Directly trusted publishers. */
	TRUSTED_PUBLISHER("TrustedPublisher");

	private final String storeName;

	StoreName(String storeName) {
		this.storeName = storeName;
	}

	/**
	 * @return the store's name, e.g. {@code My}
	 */
	public String storeName() {
		return this.storeName;
	}

}
