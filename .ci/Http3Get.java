import java.io.File;
import java.time.Duration;

import reactor.netty.http.Http3SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

/**
 * GETs a URL over HTTP/3 (QUIC only, no fallback to TCP) and prints the response body: {@code sample-smoke.sh}'s
 * HTTP/3 client, since curl here has none. Run as a source file on the sample app's libraries:
 * {@code java -cp 'lib/*' .ci/Http3Get.java https://localhost:5003/ localhost.pem}.
 */
final class Http3Get {

	private Http3Get() {
	}

	public static void main(String[] args) {
		File trusted = new File(args[1]);
		HttpClient client = HttpClient.create()
			.protocol(HttpProtocol.HTTP3)
			.secure((spec) -> spec
				.sslContext(Http3SslContextSpec.forClient().configure((builder) -> builder.trustManager(trusted))))
			.http3Settings((settings) -> settings.maxData(1_000_000)
				.maxStreamDataBidirectionalLocal(100_000)
				.maxStreamDataBidirectionalRemote(100_000)
				.maxStreamsBidirectional(10)
				.idleTimeout(Duration.ofSeconds(5)));
		String body = client.get()
			.uri(args[0])
			.responseContent()
			.aggregate()
			.asString()
			.block(Duration.ofSeconds(10));
		System.out.println(body);
	}

}
