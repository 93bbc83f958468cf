package dev.kestrel.internal.limits;

import java.time.Duration;

import dev.kestrel.options.KestrelServerLimits;

/**
 * The request-level limits of one connection, resolved from the endpoint's limits or its
 * SNI entry's.
 *
 * @param maxRequestBodySize the largest body, or -1 for unlimited
 * @param maxRequestLineSize the largest request line, CRLF included
 * @param maxRequestHeadersTotalSize the largest header section (header lines with their
 * CRLFs)
 * @param maxRequestHeaderCount the most header fields
 * @param requestHeadersTimeout how long a request head may take from its first byte
 */
public record RequestLimits(long maxRequestBodySize, int maxRequestLineSize, int maxRequestHeadersTotalSize,
		int maxRequestHeaderCount, Duration requestHeadersTimeout) {

	/**
	 * @param limits the effective limits
	 * @return the request-level ones
	 */
	public static RequestLimits of(KestrelServerLimits limits) {
		Long body = limits.getMaxRequestBodySize();
		return new RequestLimits((body != null) ? body : -1, limits.getMaxRequestLineSize(),
				limits.getMaxRequestHeadersTotalSize(), limits.getMaxRequestHeaderCount(),
				limits.getRequestHeadersTimeout());
	}

}
