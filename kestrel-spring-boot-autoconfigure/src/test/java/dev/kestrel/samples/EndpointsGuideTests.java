package dev.kestrel.samples;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/endpoints.md quotes the samples the tests run: every YAML sample file verbatim,
 * and names every sample test, so that the guide and the tests cannot drift apart.
 */
class EndpointsGuideTests {

	private static final Path GUIDE = Path.of("..", "docs", "endpoints.md");

	@Test
	void theGuideQuotesEveryYamlSampleVerbatim() throws IOException {
		String guide = Files.readString(GUIDE);
		try (Stream<Path> samples = Files.list(Path.of("src", "test", "resources", "endpoints-page"))) {
			samples.filter((file) -> file.toString().endsWith(".yml")).forEach((file) -> {
				try {
					assertThat(guide).as(file.toString()).contains(Files.readString(file).strip());
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
	}

	@Test
	void theGuideNamesEverySampleTest() throws IOException {
		String guide = Files.readString(GUIDE);
		for (Class<?> tests : new Class<?>[] { EndpointsPageSamplesTests.class, NginxUnixSocketSampleTests.class }) {
			assertThat(guide).contains(tests.getSimpleName());
			for (Method method : tests.getDeclaredMethods()) {
				if (method.isAnnotationPresent(Test.class) && tests == EndpointsPageSamplesTests.class) {
					assertThat(guide).as(method.getName()).contains(method.getName());
				}
			}
		}
	}

	@Test
	void theGuideHasAClearlyMarkedListOfDifferencesFromKestrel() throws IOException {
		assertThat(Files.readString(GUIDE)).contains("## Differences from Kestrel", "Stricter validation",
				"h2c on mixed cleartext endpoints", "TLS defaults", "`DelayCertificate`", "Netty notes");
	}

}
