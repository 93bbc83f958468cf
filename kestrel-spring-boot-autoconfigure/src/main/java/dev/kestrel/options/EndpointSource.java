package dev.kestrel.options;

/**
 * Where an endpoint was declared, highest precedence first.
 */
public enum EndpointSource {

	/**
	 * {@code listen*} calls on {@link KestrelServerOptions} (cumulative with
	 * configuration endpoints).
	 */
	CODE,

	/** {@code Kestrel.Endpoints.<Name>}. */
	CONFIGURATION,

	/**
	 * A {@code ;}-separated address list: {@code urls}, {@code ASPNETCORE_URLS},
	 * {@code kestrel.urls}, code.
	 */
	URLS,

	/** {@code server.port} / {@code server.address}. */
	SERVER_PORT,

	/** The built-in default, {@code http://localhost:5000}. */
	DEFAULT

}
