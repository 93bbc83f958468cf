package dev.kestrel.internal.limits;

/**
 * Why a limit ended a connection or a request: Kestrel 9's {@code error.type} values of
 * {@code kestrel.connection.duration} (and {@code kestrel.rejected_connections} for
 * {@link #MAX_CONCURRENT_CONNECTIONS_EXCEEDED}).
 */
public enum EndReason {

	/** MaxConcurrentConnections: the connection was closed at once. */
	MAX_CONCURRENT_CONNECTIONS_EXCEEDED("max_concurrent_connections_exceeded"),

	/** MaxRequestLineSize (414). */
	INVALID_REQUEST_LINE("invalid_request_line"),

	/** MaxRequestHeadersTotalSize or MaxRequestHeaderCount (431). */
	INVALID_REQUEST_HEADERS("invalid_request_headers"),

	/** RequestHeadersTimeout (408). */
	REQUEST_HEADERS_TIMEOUT("request_headers_timeout"),

	/** MaxRequestBodySize (413). */
	MAX_REQUEST_BODY_SIZE_EXCEEDED("max_request_body_size_exceeded");

	private final String errorType;

	EndReason(String errorType) {
		this.errorType = errorType;
	}

	/**
	 * @return Kestrel's {@code error.type} tag value
	 */
	public String errorType() {
		return this.errorType;
	}

}
