package dev.kestrel.benchmarks.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.reactive.ReactiveWebServerFactory;

/**
 * The application every Spring contender runs: one handler ({@link PlaintextController}).
 * The harness starts it twice:
 * <ul>
 * <li>"starter": with the Kestrel starter on the classpath and
 * {@code --kestrel.endpoints.<name>.url=...};</li>
 * <li>"stock": with the starter filtered out of the classpath
 * ({@code target/classpath-stock.txt}) and {@code --server.port=...}, which is stock
 * Spring Boot WebFlux on Reactor Netty.</li>
 * </ul>
 * This class must not refer to any {@code dev.kestrel} type outside this module, so that
 * it runs without the starter. Once the web server has started it prints one line,
 * {@code BENCH-READY server=<web server class> factory=<ReactiveWebServerFactory bean class>},
 * which the harness checks to prove which server a contender really runs (for example
 * that {@code kestrel.enabled=false} gives Spring Boot's own
 * {@code NettyReactiveWebServerFactory}).
 */
@SpringBootApplication
public class BenchmarkApplication {

	/**
	 * Starts the application.
	 * @param args Spring Boot command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.addListeners((WebServerInitializedEvent event) -> System.out
			.println("BENCH-READY server=" + event.getWebServer().getClass().getName() + " factory="
					+ event.getApplicationContext().getBean(ReactiveWebServerFactory.class).getClass().getName()));
		application.run(args);
	}

}
