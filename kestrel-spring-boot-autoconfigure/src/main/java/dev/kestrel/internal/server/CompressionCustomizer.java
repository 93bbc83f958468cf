package dev.kestrel.internal.server;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.springframework.boot.web.server.Compression;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code server.compression.*} for every endpoint, as Spring Boot's package-private Netty
 * {@code CompressionCustomizer} applies it to its single server.
 */
final class CompressionCustomizer {

	private static final BiPredicate<HttpServerRequest, HttpServerResponse> ALWAYS = (request, response) -> true;

	private CompressionCustomizer() {
	}

	static HttpServer apply(HttpServer server, Compression compression) {
		if (compression == null || !compression.getEnabled()) {
			return server;
		}
		if (!compression.getMinResponseSize().isNegative()) {
			server = server.compress((int) compression.getMinResponseSize().toBytes());
		}
		return server
			.compress(mimeTypes(compression.getMimeTypes()).and(userAgents(compression.getExcludedUserAgents())));
	}

	private static BiPredicate<HttpServerRequest, HttpServerResponse> mimeTypes(String[] values) {
		if (ObjectUtils.isEmpty(values)) {
			return ALWAYS;
		}
		List<MimeType> mimeTypes = Arrays.stream(values).map(MimeTypeUtils::parseMimeType).toList();
		return (request, response) -> {
			String contentType = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
			if (!StringUtils.hasLength(contentType)) {
				return false;
			}
			try {
				MimeType type = MimeTypeUtils.parseMimeType(contentType);
				return mimeTypes.stream().anyMatch((candidate) -> candidate.isCompatibleWith(type));
			}
			catch (InvalidMimeTypeException ex) {
				return false;
			}
		};
	}

	private static BiPredicate<HttpServerRequest, HttpServerResponse> userAgents(String[] excluded) {
		if (ObjectUtils.isEmpty(excluded)) {
			return ALWAYS;
		}
		return (request, response) -> Arrays.stream(excluded)
			.noneMatch((candidate) -> request.requestHeaders().contains(HttpHeaderNames.USER_AGENT, candidate, true));
	}

}
