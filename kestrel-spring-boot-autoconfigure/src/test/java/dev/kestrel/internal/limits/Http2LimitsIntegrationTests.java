package dev.kestrel.internal.limits;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kestrel.testing.RequiresTools;
import dev.kestrel.testing.TestServers;

import static dev.kestrel.internal.limits.LimitsTestServer.port;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kestrel's HTTP/2 limits on the wire, seen by python3-h2 (frames) and h2load, over
 * prior-knowledge h2c on loopback.
 */
@RequiresTools({ "python3-h2", "h2load" })
class Http2LimitsIntegrationTests {

	private static final String PROBE = "src/test/resources/limits/h2probe.py";

	@Test
	void serverAdvertisesKestrelsHttp2Settings() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Api.Protocols=Http2")
			.run((context) -> {
				String output = probe(port(context.getSourceApplicationContext(), "Api"), "settings");
				assertThat(output).contains("setting.MAX_CONCURRENT_STREAMS=100", "setting.INITIAL_WINDOW_SIZE=786432",
						"setting.MAX_HEADER_LIST_SIZE=32768");
				assertThat(output).as("Netty's codec widens the connection window to twice the stream window")
					.contains("connection_window_update=" + (2 * 786432 - 2 * 65535));
				assertThat(output).contains("setting.HEADER_TABLE_SIZE=4096", "setting.MAX_FRAME_SIZE=16384");
			});
	}

	@Test
	void connectionWindowIsWidenedToInitialConnectionWindowSize() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Api.Protocols=Http2",
					"Kestrel.Limits.Http2.InitialStreamWindowSize=100000")
			.run((context) -> {
				String output = probe(port(context.getSourceApplicationContext(), "Api"), "settings");
				assertThat(output).contains("setting.INITIAL_WINDOW_SIZE=100000",
						"connection_window_update=" + (1024 * 1024 - 65535));
			});
	}

	@Test
	void streamsOverMaxStreamsPerConnectionGetRefusedStream() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Api.Protocols=Http2",
					"Kestrel.Limits.Http2.MaxStreamsPerConnection=2")
			.run((context) -> {
				String output = probe(port(context.getSourceApplicationContext(), "Api"), "streams", "3");
				assertThat(output).contains("response.1=200", "response.3=200", "reset.5=REFUSED_STREAM");
			});
	}

	@Test
	void dataFrameOverMaxFrameSizeGetsFrameSizeErrorAndOneAtTheLimitIsAccepted() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Api.Protocols=Http2")
			.run((context) -> {
				int port = port(context.getSourceApplicationContext(), "Api");
				assertThat(probe(port, "frame", "16385")).contains("goaway=FRAME_SIZE_ERROR");
				assertThat(probe(port, "frame", "16384")).contains("response.1=200").doesNotContain("goaway");
			});
	}

	@Test
	void h2loadCompletesEveryRequestWithinTheStreamLimit() {
		LimitsTestServer.runner()
			.withPropertyValues("Kestrel.Endpoints.Api.Url=http://127.0.0.1:0", "Kestrel.Endpoints.Api.Protocols=Http2",
					"Kestrel.Limits.Http2.MaxStreamsPerConnection=10")
			.run((context) -> {
				String url = "http://127.0.0.1:" + port(context.getSourceApplicationContext(), "Api") + "/";
				String output = TestServers.run(List.of("h2load", "-n", "200", "-c", "2", "-m", "10", url)).output();
				assertThat(output).contains("200 succeeded, 0 failed, 0 errored");
			});
	}

	private static String probe(int port, String... args) {
		List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", PROBE, String.valueOf(port)));
		command.addAll(List.of(args));
		return TestServers.run(command).output();
	}

}
