package dev.kestrel.internal.server;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

import io.netty.channel.unix.DomainSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.testing.TestServers.curl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unix sockets work on the default native transport (epoll) and on NIO. Surefire runs
 * this class twice: once as is, once with {@code -Dreactor.netty.native=false} (execution
 * {@code nio-transport}).
 */
class UnixSocketTransportIntegrationTests {

	@TempDir
	Path temp;

	@Test
	@RequiresTools("curl")
	void unixSocketEndpointServesCurlOnTheTransportInUse() {
		boolean nio = "false".equals(System.getProperty("reactor.netty.native"));
		String socket = this.temp.resolve("transport.sock").toString();
		TestServers.runner().withPropertyValues("Kestrel.Endpoints.Uds.Url=http://unix:" + socket).run((context) -> {
			BoundEndpoint endpoint = TestServers.server(context.getSourceApplicationContext())
				.getBoundEndpoints()
				.get(0);
			assertThat(endpoint.addresses()).singleElement()
				.isInstanceOf(nio ? UnixDomainSocketAddress.class : DomainSocketAddress.class);
			assertThat(endpoint.port()).isEqualTo(-1);
			assertThat(endpoint.displayName()).isEqualTo("http://unix:" + socket);
			assertThat(curl("--unix-socket", socket, "http://localhost/").output()).isEqualTo("Uds HTTP/1.1");
		});
		assertThat(Path.of(socket)).doesNotExist();
	}

}
