package dev.kestrel.devcerts.trust;

/**
 * How far a development certificate is trusted on this machine, as ASP.NET Core reports
 * it.
 */
public enum TrustLevel {

	/** No client trusts it. */
	NONE,

	/**
	 * Some clients trust it (e.g. .NET and browsers, but not OpenSSL until
	 * {@code SSL_CERT_DIR} is set).
	 */
	PARTIAL,

	/** Every client the trust step knows about trusts it. */
	FULL

}
