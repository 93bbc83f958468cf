package dev.kestrel.samples;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kestrel.autoconfigure.KestrelServerOptionsCustomizer;
import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestApplication;
import dev.kestrel.testing.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's Unix socket sample behind Debian's nginx ({@code proxy_pass
 * http://unix:/tmp/kestrel-test.sock:/;}). nginx's workers run as another user than the
 * application (when the test runs as root they run as {@code nobody}), which is why the
 * page needs {@code chmod go+w} on the socket file; {@code UnixSocketPermissions: "0666"}
 * (aspnetcore#17706) replaces that step.
 */
@RequiresTools({ "nginx", "curl" })
class NginxUnixSocketSampleTests {

	@TempDir
	Path directory;

	private ConfigurableApplicationContext context;

	private Process nginx;

	@AfterEach
	void stop() throws Exception {
		if (this.nginx != null) {
			this.nginx.destroy();
			this.nginx.waitFor();
		}
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void nginxProxiesToTheUnixSocketWhoseModeIsSetInConfiguration() throws Exception {
		Path socket = socketPath("yaml.sock");
		this.context = new SpringApplicationBuilder(TestApplication.class)
			.properties("Kestrel.Endpoints.Socket.Url=http://unix:" + socket,
					"Kestrel.Endpoints.Socket.UnixSocketPermissions=0666")
			.run();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw-rw-");
		int port = startNginx(socket);
		assertThat(TestServers.curl("http://127.0.0.1:" + port + "/").output())
			.as("nginx proxies with HTTP/1.0 by default")
			.isEqualTo("Socket HTTP/1.0");
	}

	@Test
	void nginxProxiesToTheUnixSocketOfTheJavaTwin() throws Exception {
		Path socket = socketPath("kestrel-test.sock");
		System.setProperty("sample.socket", socket.toString());
		try {
			this.context = new SpringApplicationBuilder(TestApplication.class, UnixSocketSample.class).run();
		}
		finally {
			System.clearProperty("sample.socket");
		}
		int port = startNginx(socket);
		assertThat(TestServers.curl("http://127.0.0.1:" + port + "/").output()).isEqualTo("code-0 HTTP/1.0");
	}

	@Test
	void withoutUnixSocketPermissionsNginxWorkersOfAnotherUserCannotConnect() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
				"nginx workers run as the test's own user");
		Path socket = socketPath("plain.sock");
		this.context = new SpringApplicationBuilder(TestApplication.class)
			.properties("Kestrel.Endpoints.Socket.Url=http://unix:" + socket)
			.run();
		int port = startNginx(socket);
		assertThat(TestServers.curl("-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:" + port + "/").output())
			.isEqualTo("502");
	}

	/** The page's C# sample in Java, plus the socket mode that replaces chmod go+w. */
	@Configuration(proxyBeanMethods = false)
	static class UnixSocketSample {

		@Bean
		KestrelServerOptionsCustomizer kestrel() {
			String path = System.getProperty("sample.socket", "/tmp/kestrel-test.sock");
			return (serverOptions) -> serverOptions.listenUnixSocket(path,
					(listenOptions) -> listenOptions.unixSocketPermissions("0666"));
		}

	}

	/**
	 * A socket in a folder other users may traverse (JUnit's temporary folders are 0700).
	 */
	private Path socketPath(String name) throws IOException {
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		return this.directory.resolve(name);
	}

	private int startNginx(Path socket) throws Exception {
		int port = TestServers.freePort();
		Path prefix = Files.createDirectories(this.directory.resolve("nginx"));
		Path config = prefix.resolve("nginx.conf");
		Files.writeString(config, """
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log;
				events { worker_connections 64; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  server {
				    listen 127.0.0.1:%2$d;
				    location / {
				      proxy_pass http://unix:%3$s:/;
				    }
				  }
				}
				""".formatted(prefix, port, socket));
		this.nginx = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", config.toString())
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("nginx.out").toFile())
			.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try (Socket probe = new Socket("127.0.0.1", port)) {
				return port;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("nginx.out")));
	}

}
