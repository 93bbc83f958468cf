package dev.kestrel.sample;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.util.NetUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kestrel.connections.KestrelRequests;

/**
 * A small WebFlux application served by several Kestrel endpoints (see
 * {@code application.yml}). Its {@code /} answers with the endpoint, scheme, protocol and
 * local address that served the request, written as users read addresses
 * ({@code [::1]:5001}, {@code 127.0.0.1:5000}).
 */
@SpringBootApplication
@RestController
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	@GetMapping("/")
	Map<String, Object> whoServedMe(ServerHttpRequest request) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("endpoint", KestrelRequests.endpointName(request).orElse(null));
		answer.put("scheme", request.getURI().getScheme());
		answer.put("protocol", KestrelRequests.protocol(request).orElse(null));
		InetSocketAddress local = request.getLocalAddress();
		answer.put("localAddress", (local != null) ? NetUtil.toSocketAddressString(local) : "unix socket");
		return answer;
	}

}
