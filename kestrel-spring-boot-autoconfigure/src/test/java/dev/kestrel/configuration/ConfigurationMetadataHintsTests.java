package dev.kestrel.configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.kestrel.options.ClientCertificateMode;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.SslProtocols;
import dev.kestrel.options.TlsEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value hints of enum-valued keys in the IDE metadata are generated from the enums
 * (their Kestrel names and descriptions), never kept by hand: this test fails when the
 * metadata file differs from what the enums say, and rewrites it when run with
 * {@code -Dkestrel.metadata.write=true}.
 */
class ConfigurationMetadataHintsTests {

	private static final Path METADATA = Path
		.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

	/**
	 * The sections that have the enum-valued keys: EndpointDefaults and every endpoint.
	 */
	private static final List<String> SECTIONS = List.of("kestrel.endpoint-defaults", "kestrel.endpoints.*");

	@Test
	void enumValuedKeysHaveTheHintsTheEnumsDescribe() throws IOException {
		String generated = generate();
		if (Boolean.getBoolean("kestrel.metadata.write")) {
			Files.writeString(METADATA, generated, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(METADATA, StandardCharsets.UTF_8))
			.as("regenerate with ./mvnw -pl kestrel-spring-boot-autoconfigure test "
					+ "-Dtest=ConfigurationMetadataHintsTests -Dkestrel.metadata.write=true")
			.isEqualTo(generated);
	}

	@Test
	void everyEnumConstantHasADescription() {
		for (HttpProtocols value : HttpProtocols.values()) {
			assertThat(value.description()).isNotBlank();
		}
		for (SslProtocols value : SslProtocols.values()) {
			assertThat(value.description()).isNotBlank();
		}
		for (ClientCertificateMode value : ClientCertificateMode.values()) {
			assertThat(value.description()).isNotBlank();
		}
		for (TlsEngine value : TlsEngine.values()) {
			assertThat(value.description()).isNotBlank();
		}
	}

	private static String generate() {
		List<String> hints = new ArrayList<>();
		for (String section : SECTIONS) {
			hints.add(hint(section + ".protocols",
					values(HttpProtocols.values(), HttpProtocols::kestrelName, HttpProtocols::description)));
			hints.add(hint(section + ".client-certificate-mode", values(ClientCertificateMode.values(),
					ClientCertificateMode::kestrelName, ClientCertificateMode::description)));
			Map<String, String> ssl = values(SslProtocols.values(), SslProtocols::kestrelName,
					SslProtocols::description);
			ssl.put("None", "The platform default (TLS 1.2 and 1.3).");
			hints.add(hint(section + ".ssl-protocols", ssl));
		}
		hints.add(hint("kestrel.tls.engine", values(TlsEngine.values(), TlsEngine::value, TlsEngine::description)));
		hints.add(hint("kestrel.endpoints.*.tls-engine",
				values(new TlsEngine[] { TlsEngine.AUTO, TlsEngine.JDK },
						(engine) -> (engine == TlsEngine.JDK) ? "Jdk" : "Auto",
						(engine) -> (engine == TlsEngine.JDK)
								? "This endpoint on the JDK's TLS, whatever kestrel.tls.engine chose."
								: "The process-wide kestrel.tls.engine (the default).")));
		hints.add(hint("kestrel.endpoints.keys",
				Map.of("Http", "An endpoint name; any name works.", "Https", "An endpoint name; any name works.")));
		hints.add(hint("kestrel.certificates.keys",
				Map.of("Default", "The certificate of HTTPS endpoints that have none.")));
		return "{\n  \"properties\": [\n" + String.join(",\n", topLevelProperties()) + "\n  ],\n  \"hints\": [\n"
				+ String.join(",\n", hints) + "\n  ]\n}\n";
	}

	/**
	 * ASP.NET Core's top-level host filtering keys, which live outside the
	 * {@code kestrel} prefix of {@code KestrelProperties} (read by
	 * {@code HostingConfigReader}).
	 */
	private static List<String> topLevelProperties() {
		return List.of(property("allowedhosts", "java.lang.String",
				"Host names requests may carry, ';'-separated ('*', 'example.org', '*.example.org', IDN names, "
						+ "'[::1]'); other hosts get 400 (ASP.NET Core's top-level AllowedHosts). Unset or '*': any "
						+ "host.",
				null),
				property("allowemptyhosts", "java.lang.Boolean",
						"Whether requests without a host pass host filtering (ASP.NET Core's AllowEmptyHosts).",
						"true"));
	}

	private static String property(String name, String type, String description, String defaultValue) {
		return "    {\n      \"name\": \"" + name + "\",\n      \"type\": \"" + type + "\",\n      \"description\": \""
				+ description + "\"" + ((defaultValue != null) ? ",\n      \"defaultValue\": " + defaultValue : "")
				+ "\n    }";
	}

	private static <E> Map<String, String> values(E[] constants, Function<E, String> name,
			Function<E, String> description) {
		Map<String, String> values = new LinkedHashMap<>();
		for (E constant : constants) {
			values.put(name.apply(constant), description.apply(constant));
		}
		return values;
	}

	private static String hint(String name, Map<String, String> values) {
		List<String> entries = new ArrayList<>();
		values.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> entries.add("        {\n          \"value\": \"" + entry.getKey()
					+ "\",\n          \"description\": \"" + entry.getValue() + "\"\n        }"));
		return "    {\n      \"name\": \"" + name + "\",\n      \"values\": [\n" + String.join(",\n", entries)
				+ "\n      ]\n    }";
	}

}
