package dev.kestrel.internal.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.testing.TestApplication;

/**
 * A JVM of its own for {@link TlsEngineIntegrationTests} (the native engine is chosen
 * once per process): starts {@link TestApplication} with the given properties, prints
 * {@code PORT=<port of endpoint Https>} and the shared libraries it maps (from
 * {@code /proc/self/maps}), then serves until its standard input closes.
 */
public final class EngineProbe {

	private EngineProbe() {
	}

	public static void main(String[] args) throws IOException {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class).properties(args)
			.run()) {
			Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> line.contains(".so") && line.indexOf('/') > 0)
				.map((line) -> line.substring(line.indexOf('/')))
				.distinct()
				.forEach((library) -> System.out.println("MAPPED " + library));
			System.out.println("PORT=" + TlsHardeningIntegrationTests.port(app, "Https"));
			System.out.flush();
			System.in.readAllBytes();
		}
	}

}
