package dev.kestrel.configuration;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.internal.server.BoundEndpoint;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestCertificates;
import dev.kestrel.testing.TestCertificates.PemFiles;
import dev.kestrel.testing.TestCertificates.TestCertificate;
import dev.kestrel.testing.TestServers;
import dev.kestrel.testing.TlsClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spring.config.import=optional:file:./appsettings.json}: a .NET appsettings file
 * (comments, trailing commas, {@code appsettings.{Environment}.json}) configures the same
 * endpoints as the equivalent YAML.
 */
class AppSettingsImportIntegrationTests {

	/**
	 * The sample of "Configure endpoints for the ASP.NET Core Kestrel web server"
	 * (learn.microsoft.com), with generated certificates, random ports, comments and
	 * trailing commas as .NET accepts them (the certificate-store endpoint left out: no
	 * store here).
	 */
	private static final String APPSETTINGS = """
			{
			  // endpoints, as on the Kestrel configuration page
			  "Kestrel": {
			    "Endpoints": {
			      "Http": {
			        "Url": "http://127.0.0.1:0"
			      },
			      "HttpsInlineCertFile": {
			        "Url": "https://127.0.0.1:0",
			        "Certificate": {
			          "Path": "PFX",
			          "Password": "PASSWORD"
			        }
			      },
			      "HttpsInlineCertAndKeyFile": {
			        "Url": "https://127.0.0.1:0",
			        "Certificate": {
			          "Path": "CRT",
			          "KeyPath": "KEY",
			        },
			      },
			      "HttpsDefaultCert": {
			        "Url": "https://127.0.0.1:0"
			      },
			    },
			    /* used by HttpsDefaultCert */
			    "Certificates": {
			      "Default": {
			        "Path": "PFX",
			        "Password": "PASSWORD"
			      }
			    }
			  },
			  "Logging": {
			    "LogLevel": {
			      "Default": "Information",
			      "Microsoft.AspNetCore": "Warning"
			    }
			  },
			  "AllowedHosts": "*",
			}
			""";

	private static final String STAGING = """
			{
			  "Kestrel": { "Endpoints": { "Http": { "Protocols": "Http1", }, }, },
			}
			""";

	private static final String YAML = """
			Kestrel:
			  Endpoints:
			    Http:
			      Url: http://127.0.0.1:0
			      Protocols: Http1
			    HttpsInlineCertFile:
			      Url: https://127.0.0.1:0
			      Certificate:
			        Path: PFX
			        Password: PASSWORD
			    HttpsInlineCertAndKeyFile:
			      Url: https://127.0.0.1:0
			      Certificate:
			        Path: CRT
			        KeyPath: KEY
			    HttpsDefaultCert:
			      Url: https://127.0.0.1:0
			  Certificates:
			    Default:
			      Path: PFX
			      Password: PASSWORD
			""";

	@TempDir
	Path directory;

	@Test
	void appsettingsJsonFromTheConfigurationPageStartsTheSameEndpointsAsYamlAndAnswersOnThem() throws Exception {
		TestCertificate pfxCertificate = TestCertificates.certificate("localhost").dnsNames("localhost").build();
		TestCertificate pemCertificate = TestCertificates.certificate("pem").dnsNames("localhost").build();
		String password = "Pfx-" + System.nanoTime();
		Path pfx = pfxCertificate.writePfx(this.directory, password);
		PemFiles pem = pemCertificate.writePem(this.directory);
		write("appsettings.json", APPSETTINGS, pfx, password, pem);
		write("appsettings.Staging.json", STAGING, pfx, password, pem);
		write("kestrel.yml", YAML, pfx, password, pem);

		Map<String, String> fromYaml;
		try (ConfigurableApplicationContext yaml = start("file:" + this.directory.resolve("kestrel.yml"))) {
			fromYaml = describe(yaml);
		}
		try (ConfigurableApplicationContext json = start("optional:file:" + this.directory.resolve("appsettings.json"),
				"--aspnetcore.environment=Staging")) {
			assertThat(describe(json)).isEqualTo(fromYaml).hasSize(4);
			assertThat(json.getEnvironment().getProperty("AllowedHosts")).isEqualTo("*");
			assertThat(json.getEnvironment().getProperty("Logging.LogLevel.Default")).isEqualTo("Information");
			for (BoundEndpoint endpoint : TestServers.server(json).getBoundEndpoints()) {
				String url = endpoint.displayName() + "/";
				String body = endpoint.listenOptions().isHttps()
						? TlsClients.get(
								TlsClients.client(
										endpoint.name().equals("HttpsInlineCertAndKeyFile")
												? pemCertificate.certificate() : pfxCertificate.certificate(),
										HttpClient.Version.HTTP_1_1),
								url.replace("127.0.0.1", "localhost"))
							.body()
						: TestServers.get(url).body();
				assertThat(body).startsWith(endpoint.name() + " HTTP/");
			}
		}
	}

	@Test
	void withoutAnEnvironmentVariableEachActiveSpringProfileNamesTheEnvironmentFile() throws Exception {
		write("appsettings.json",
				"{ \"Kestrel\": { \"Endpoints\": { \"Only\": { \"Url\": \"http://127.0.0.1:0\", }, }, }, }", null, null,
				null);
		write("appsettings.Staging.json",
				STAGING.replace("Http", "Only").replace("OnlyProtocols", "Protocols").replace("\"Only1\"", "\"Http1\""),
				null, null, null);
		try (ConfigurableApplicationContext context = start(
				"optional:file:" + this.directory.resolve("appsettings.json"), "--spring.profiles.active=Staging")) {
			assertThat(describe(context)).containsOnlyKeys("Only").containsValue("Http1 https=false certificate=none");
		}
		try (ConfigurableApplicationContext context = start(
				"optional:file:" + this.directory.resolve("appsettings.json"))) {
			assertThat(describe(context)).containsValue("Http1AndHttp2 https=false certificate=none");
		}
		try (ConfigurableApplicationContext context = start(
				"optional:file:" + this.directory.resolve("missing/appsettings.json"),
				"--Kestrel.Endpoints.Other.Url=http://127.0.0.1:0")) {
			assertThat(describe(context)).containsOnlyKeys("Other");
		}
	}

	private void write(String name, String content, Path pfx, String password, PemFiles pem) throws Exception {
		String text = content;
		if (pfx != null) {
			text = text.replace("PFX", pfx.toString())
				.replace("PASSWORD", password)
				.replace("CRT", pem.certificate().toString())
				.replace("KEY", pem.key().toString());
		}
		Files.writeString(this.directory.resolve(name), text);
	}

	private static Map<String, String> describe(ConfigurableApplicationContext context) {
		Map<String, String> endpoints = new TreeMap<>();
		for (ListenOptions options : TestServers.server(context).getPlannedEndpoints()) {
			endpoints.put(options.getName(),
					options.getProtocols().kestrelName() + " https=" + options.isHttps() + " certificate="
							+ ((options.getHttpsOptions() != null && options.getHttpsOptions().hasServerCertificate())
									? options.getHttpsOptions().getServerCertificate().thumbprint() : "none"));
		}
		return endpoints;
	}

	private static ConfigurableApplicationContext start(String importLocation, String... args) {
		return new SpringApplicationBuilder(TestApplication.class).properties("spring.config.import=" + importLocation)
			.run(args);
	}

}
