package dev.kestrel.benchmarks.app;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmarked handler: {@code GET /plaintext} answers {@value #BODY}
 * ({@code text/plain}, 13 bytes), the response the raw Reactor Netty contender also
 * sends.
 */
@RestController
public class PlaintextController {

	/** The response body. */
	public static final String BODY = "Hello, World!";

	@GetMapping(path = "/plaintext", produces = MediaType.TEXT_PLAIN_VALUE)
	String plaintext() {
		return BODY;
	}

}
