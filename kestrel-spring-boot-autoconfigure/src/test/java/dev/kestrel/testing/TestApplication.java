package dev.kestrel.testing;

import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.kestrel.connections.KestrelRequests;

/**
 * A whole Spring Boot application for tests that go through {@link SpringApplication}
 * (failure analyzers, property sources, {@code @SpringBootTest}). {@code GET /} answers
 * with the endpoint name and protocol, {@code GET /uri} with the request URI,
 * {@code GET /text} with a compressible text.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

	public static void main(String[] args) {
		SpringApplication.run(TestApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/",
					(request) -> ServerResponse.ok()
						.bodyValue(KestrelRequests.endpointName(request.exchange().getRequest()).orElse("?") + " "
								+ KestrelRequests.protocol(request.exchange().getRequest()).orElse("?")))
			.GET("/uri", (request) -> ServerResponse.ok().bodyValue(request.uri().toString()))
			.GET("/client", (request) -> {
				var sslInfo = request.exchange().getRequest().getSslInfo();
				var certificates = (sslInfo != null) ? sslInfo.getPeerCertificates() : null;
				return ServerResponse.ok()
					.bodyValue((certificates != null && certificates.length > 0)
							? certificates[0].getSubjectX500Principal().getName() : "none");
			})
			.GET("/text", (request) -> ServerResponse.ok().bodyValue("kestrel ".repeat(200)))
			.GET("/slow",
					(request) -> Mono.delay(Duration.ofSeconds(1)).then(ServerResponse.ok().bodyValue("slow done")))
			.build();
	}

}
