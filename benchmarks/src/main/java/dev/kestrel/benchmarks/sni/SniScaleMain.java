package dev.kestrel.benchmarks.sni;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kestrel.options.KestrelServerOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SniCertificate;
import dev.kestrel.options.SniOptions;
import dev.kestrel.internal.server.KestrelWebServer;

/**
 * The SNI scale figures of issue #4, measured on real servers (the lookup cost itself is
 * {@link SniLookupBenchmark}):
 * <ul>
 * <li>{@code rate}: TLS handshakes per second with one SNI entry versus 10,000 exact and
 * 1,000 wildcard entries. One application serves both endpoints ({@code One}: {@code "*":
 * {}}; {@code Many}: the 11,001 entries, half of the exact ones with
 * {@code Protocols: Http1}, all on the endpoint's certificate), so both share the JVM,
 * the JIT and the machine. {@code h2load} opens 200 new connections with one request each
 * (answered 404: the application has no routes) (a full TLS handshake per request, no
 * resumption; {@code --connect-to} 127.0.0.1 with an exact name, then with a name under a
 * wildcard, in turn for the round's duration), alternating between the endpoints for a
 * number of rounds after five warm-up rounds; the figures are medians of handshakes per
 * second and of the event loops' CPU time per handshake (the server's own work, less
 * sensitive than the rate to other processes on the machine), and the medians of the
 * per-round ratios;</li>
 * <li>{@code startup}: start-up time and heap of an application whose SNI section has
 * 10,000 entries with their own certificate files (plus 1,000 wildcard entries and
 * {@code *}) versus one entry with a certificate. Each run is a fresh JVM
 * ({@code -Xmx2g -XX:+UseSerialGC}); the figures are medians of the runs: time from
 * {@code main} to a started server, heap used after a full GC at that point, and the time
 * and heap once every certificate is loaded. With {@code contexts} it then handshakes
 * once with every host, so that all 10,000 TLS contexts exist, and reports the heap and
 * resident memory that costs.</li>
 * </ul>
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/classpath-jmh.txt):benchmarks/target/classes" \
 *     dev.kestrel.benchmarks.sni.SniScaleMain rate [seconds-per-round] [rounds] [warm-up-rounds]
 * java -cp ... dev.kestrel.benchmarks.sni.SniScaleMain startup [certificates] [runs] [contexts]
 * </pre>
 *
 * {@code -Dsni.loadCores=1} runs {@code h2load} under {@code taskset -c 1} (the harness
 * pins the server JVM to the other core). Traffic goes to 127.0.0.1 only; certificates
 * are generated into a temporary directory, which is deleted.
 */
public final class SniScaleMain {

	private static final Pattern H2LOAD = Pattern.compile("requests: \\d+ total, \\d+ started, (\\d+) done");

	private static final int CONNECTIONS_PER_RUN = 200;

	private static final Pattern RESULT = Pattern.compile("RESULT (.*)");

	private SniScaleMain() {
	}

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "rate";
		switch (mode) {
			case "rate" -> rate(intArg(args, 1, 5), intArg(args, 2, 5), intArg(args, 3, 5));
			case "startup" ->
				startup(intArg(args, 1, 10_000), intArg(args, 2, 3), args.length > 3 && args[3].equals("contexts"));
			case "child" -> child(Path.of(args[1]), (args.length > 2) ? Integer.parseInt(args[2]) : 0);
			default -> throw new IllegalArgumentException("mode: " + mode + " (expected: rate, startup)");
		}
	}

	private static int intArg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index]) : fallback;
	}

	// ---------------------------------------------------------------- handshake rate

	private static void rate(int seconds, int rounds, int warmUpRounds) throws Exception {
		Path directory = Files.createTempDirectory("sni-rate");
		try {
			Path[] endpointFiles = new BenchmarkCertificates().write(directory, "endpoint.example.org", "endpoint");
			List<String> lines = new ArrayList<>();
			lines.add("logging.level.root=warn");
			for (String endpoint : List.of("One", "Many")) {
				lines.add("Kestrel.Endpoints." + endpoint + ".Url=https://127.0.0.1:0");
				lines.add("Kestrel.Endpoints." + endpoint + ".Certificate.Path=" + endpointFiles[0]);
				lines.add("Kestrel.Endpoints." + endpoint + ".Certificate.KeyPath=" + endpointFiles[1]);
			}
			lines.add("Kestrel.Endpoints.One.Sni.*.Protocols=Http1AndHttp2");
			for (int i = 0; i < 10_000; i++) {
				lines.add("Kestrel.Endpoints.Many.Sni." + exactName(i) + ".Protocols="
						+ ((i % 2 == 0) ? "Http1" : "Http1AndHttp2"));
			}
			for (int i = 0; i < 1_000; i++) {
				lines.add("Kestrel.Endpoints.Many.Sni.*.w" + i + ".example.org.Protocols=Http1AndHttp2");
			}
			lines.add("Kestrel.Endpoints.Many.Sni.*.Protocols=Http1AndHttp2");
			Path properties = Files.write(directory.resolve("rate.properties"), lines);
			try (ConfigurableApplicationContext context = run(properties)) {
				KestrelWebServer server = (KestrelWebServer) ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
					.getWebServer();
				int one = port(server, "One");
				int many = port(server, "Many");
				System.out.printf(Locale.ROOT, "handshake rate: %d s per round, %d rounds after %d warm-up rounds%n",
						seconds, rounds, warmUpRounds);
				Random random = new Random(42);
				for (int warmUp = 0; warmUp < warmUpRounds; warmUp++) {
					round(one, seconds, random);
					round(many, seconds, random);
				}
				List<double[]> oneResults = new ArrayList<>();
				List<double[]> manyResults = new ArrayList<>();
				for (int r = 0; r < rounds; r++) {
					boolean oneFirst = (r % 2 == 0);
					double[] first = round(oneFirst ? one : many, seconds, random);
					double[] second = round(oneFirst ? many : one, seconds, random);
					oneResults.add(oneFirst ? first : second);
					manyResults.add(oneFirst ? second : first);
					System.out.printf(Locale.ROOT,
							"  round %d: one entry %.0f/s (%.0f us CPU), 11,001 entries %.0f/s " + "(%.0f us CPU)%n",
							r + 1, oneResults.get(r)[0], oneResults.get(r)[1], manyResults.get(r)[0],
							manyResults.get(r)[1]);
				}
				List<double[]> ratios = new ArrayList<>();
				for (int r = 0; r < rounds; r++) {
					ratios.add(new double[] { manyResults.get(r)[0] / oneResults.get(r)[0],
							oneResults.get(r)[1] / manyResults.get(r)[1] });
				}
				System.out.printf(Locale.ROOT, "RATE one=%.0f/s many=%.0f/s, paired ratio %.3f (range %.3f-%.3f) | "
						+ "event-loop CPU per handshake one=%.0fus many=%.0fus, paired ratio one/many %.3f (range "
						+ "%.3f-%.3f)%n", median(oneResults, 0), median(manyResults, 0), median(ratios, 0),
						min(ratios, 0), max(ratios, 0), median(oneResults, 1), median(manyResults, 1),
						median(ratios, 1), min(ratios, 1), max(ratios, 1));
			}
		}
		finally {
			delete(directory);
		}
	}

	private static String exactName(int i) {
		return "host" + i + ".d" + (i % 1_000) + ".example.org";
	}

	/**
	 * {@code h2load} runs of {@value #CONNECTIONS_PER_RUN} new connections for
	 * {@code seconds}, names alternating between an exact one and one under a wildcard;
	 * returns handshakes per second and server CPU microseconds per handshake.
	 */
	private static double[] round(int port, int seconds, Random random) throws Exception {
		long cpuBefore = eventLoopCpuNanos();
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
		long connections = 0;
		for (int run = 0; run == 0 || System.nanoTime() < deadline; run++) {
			String name = (run % 2 == 0) ? exactName(2 * random.nextInt(5_000) + 1)
					: "x" + random.nextInt(1_000) + ".w" + random.nextInt(1_000) + ".example.org";
			List<String> command = new ArrayList<>();
			String loadCores = System.getProperty("sni.loadCores", "");
			if (!loadCores.isEmpty()) {
				command.addAll(List.of("taskset", "-c", loadCores));
			}
			command.addAll(List.of("h2load", "-n", String.valueOf(CONNECTIONS_PER_RUN), "-c",
					String.valueOf(CONNECTIONS_PER_RUN), "-m", "1", "-t", "1", "--connect-to", "127.0.0.1:" + port,
					"https://" + name + ":" + port + "/"));
			Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
			client.getOutputStream().close();
			String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			client.waitFor(60, TimeUnit.SECONDS);
			Matcher matcher = H2LOAD.matcher(output);
			if (!matcher.find() || Long.parseLong(matcher.group(1)) == 0) {
				throw new IllegalStateException("h2load failed: " + output);
			}
			connections += Long.parseLong(matcher.group(1));
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long cpu = eventLoopCpuNanos() - cpuBefore;
		return new double[] { connections / elapsed, cpu / 1e3 / Math.max(1, connections) };
	}

	/**
	 * @return the CPU time of the server's event loops (Reactor Netty's
	 * {@code reactor-http-*} threads), which do the TLS handshakes; JIT compiler and GC
	 * threads are left out, so that the figure is the handshake work itself
	 */
	private static long eventLoopCpuNanos() {
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("reactor-http")) {
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				total += Math.max(0, cpu);
			}
		}
		return total;
	}

	// ---------------------------------------------------------------- start-up and heap

	private static void startup(int certificates, int runs, boolean contexts) throws Exception {
		Path directory = Files.createTempDirectory("sni-startup");
		try {
			long generation = System.nanoTime();
			BenchmarkCertificates authority = new BenchmarkCertificates();
			Path[][] files = new Path[certificates + 1][];
			IntStream.rangeClosed(0, certificates)
				.parallel()
				.forEach((i) -> files[i] = authority.write(directory,
						(i == certificates) ? "endpoint.example.org" : exactName(i),
						(i == certificates) ? "endpoint" : "host" + i));
			System.out.printf(Locale.ROOT, "start-up: generated %d certificate files in %.1f s%n", certificates,
					(System.nanoTime() - generation) / 1e9);
			Path[] endpoint = files[certificates];
			List<String> base = new ArrayList<>(endpointLines(endpoint));
			base.add("Kestrel.Endpoints.Sni.Sni." + exactName(0) + ".Certificate.Path=" + files[0][0]);
			base.add("Kestrel.Endpoints.Sni.Sni." + exactName(0) + ".Certificate.KeyPath=" + files[0][1]);
			base.add("Kestrel.Endpoints.Sni.Sni.*.Protocols=Http1AndHttp2");
			List<String> big = new ArrayList<>(endpointLines(endpoint));
			for (int i = 0; i < certificates; i++) {
				big.add("Kestrel.Endpoints.Sni.Sni." + exactName(i) + ".Certificate.Path=" + files[i][0]);
				big.add("Kestrel.Endpoints.Sni.Sni." + exactName(i) + ".Certificate.KeyPath=" + files[i][1]);
			}
			for (int i = 0; i < 1_000; i++) {
				big.add("Kestrel.Endpoints.Sni.Sni.*.w" + i + ".example.org.Protocols=Http1");
			}
			big.add("Kestrel.Endpoints.Sni.Sni.*.Protocols=Http1AndHttp2");
			Path baseFile = Files.write(directory.resolve("base.properties"), base);
			Path bigFile = Files.write(directory.resolve("big.properties"), big);
			List<double[]> baseResults = new ArrayList<>();
			List<double[]> bigResults = new ArrayList<>();
			for (int run = 0; run < runs; run++) {
				baseResults.add(child(baseFile, "1 entry", 0));
				bigResults.add(child(bigFile, certificates + " certificates", 0));
			}
			if (contexts) {
				double[] one = child(baseFile, "1 entry, 1 host handshaken", 1);
				double[] all = child(bigFile, certificates + " certificates, every host handshaken", certificates);
				System.out.printf(Locale.ROOT,
						"CONTEXTS %d TLS contexts built in %.1f s: heap +%.0f MB, resident "
								+ "memory +%.0f MB over one context%n",
						certificates, all[4] / 1000, all[5] - one[5], all[6] - one[6]);
			}
			List<double[]> deltas = new ArrayList<>();
			for (int run = 0; run < runs; run++) {
				deltas.add(new double[] { bigResults.get(run)[0] - baseResults.get(run)[0],
						bigResults.get(run)[7] - baseResults.get(run)[7],
						bigResults.get(run)[8] - baseResults.get(run)[8] });
			}
			System.out.printf(Locale.ROOT, "STARTUP base=%.0fms big=%.0fms, paired delta %.0fms (range %.0f-%.0f) | "
					+ "main-thread CPU delta %.0fms (range %.0f-%.0f), process CPU delta %.0fms | heap at start base=%.0fMB "
					+ "big=%.0fMB delta=%.0fMB | all certificates loaded %.0fms after start, heap delta then %.0fMB%n",
					median(baseResults, 0), median(bigResults, 0), median(deltas, 0), min(deltas, 0), max(deltas, 0),
					median(deltas, 1), min(deltas, 1), max(deltas, 1), median(deltas, 2), median(baseResults, 1),
					median(bigResults, 1), median(bigResults, 1) - median(baseResults, 1), median(bigResults, 2),
					median(bigResults, 3) - median(baseResults, 3));
		}
		finally {
			delete(directory);
		}
	}

	private static List<String> endpointLines(Path[] endpoint) {
		return List.of("logging.level.root=warn", "logging.level.dev.kestrel=info",
				"Kestrel.Endpoints.Sni.Url=https://127.0.0.1:0",
				"Kestrel.Endpoints.Sni.Certificate.Path=" + endpoint[0],
				"Kestrel.Endpoints.Sni.Certificate.KeyPath=" + endpoint[1]);
	}

	private static double[] child(Path properties, String label, int handshakes) throws Exception {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m",
				"-Xmx2g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				SniScaleMain.class.getName(), "child", properties.toString(), String.valueOf(handshakes));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(900, TimeUnit.SECONDS);
		Matcher matcher = RESULT.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("child failed: " + output);
		}
		double[] values = Arrays.stream(matcher.group(1).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
		System.out.printf(Locale.ROOT,
				"  %s: started in %.0f ms (main thread CPU %.0f ms, process CPU %.0f ms), heap "
						+ "%.0f MB; certificates loaded %.0f ms later, heap %.0f MB%n",
				label, values[0], values[7], values[8], values[1], values[2], values[3]);
		return values;
	}

	/**
	 * Runs in a fresh JVM: starts the application, then waits for every SNI certificate,
	 * then (when asked) handshakes once with each of the first {@code handshakes} hosts
	 * so that their TLS contexts exist; prints
	 * {@code RESULT startMillis heapMb loadedMillisAfterStart heapMbLoaded handshakeMillis heapMbAfter rssMbAfter
	 * mainThreadCpuMillisAtStart processCpuMillisAtStart}.
	 */
	private static void child(Path properties, int handshakes) throws Exception {
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = run(properties)) {
			double started = (System.nanoTime() - start) / 1e6;
			double mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
			double processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
			double heap = usedHeapMb();
			long loading = System.nanoTime();
			for (ListenOptions endpoint : context.getBean(KestrelServerOptions.class).getConfigurationLoader().load()) {
				for (SniOptions entry : endpoint.getSni().values()) {
					SniCertificate certificate = entry.certificate();
					if (certificate != null) {
						certificate.get();
					}
				}
			}
			double loaded = (System.nanoTime() - loading) / 1e6;
			double heapLoaded = usedHeapMb();
			long handshaking = System.nanoTime();
			if (handshakes > 0) {
				handshakeEveryHost(port(
						(KestrelWebServer) ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
							.getWebServer(),
						"Sni"), handshakes);
			}
			double handshaken = (System.nanoTime() - handshaking) / 1e6;
			System.out.printf(Locale.ROOT, "RESULT %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f%n", started, heap,
					loaded, heapLoaded, handshaken, usedHeapMb(), residentMb(), mainCpu, processCpu);
		}
	}

	private static void handshakeEveryHost(int port, int hosts) throws Exception {
		javax.net.ssl.SSLContext client = javax.net.ssl.SSLContext.getInstance("TLS");
		client.init(null, new javax.net.ssl.TrustManager[] { new TrustingManager() }, null);
		IntStream.range(0, hosts).parallel().forEach((i) -> {
			try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) client.getSocketFactory()
				.createSocket("127.0.0.1", port)) {
				javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
				parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName(exactName(i))));
				socket.setSSLParameters(parameters);
				socket.startHandshake();
				socket.getSession().invalidate();
			}
			catch (IOException ex) {
				throw new IllegalStateException(exactName(i), ex);
			}
		});
	}

	private static double residentMb() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	/**
	 * Trusts any server: the benchmark measures the server, not certificate validation.
	 */
	private static final class TrustingManager implements javax.net.ssl.X509TrustManager {

		@Override
		public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
		}

		@Override
		public java.security.cert.X509Certificate[] getAcceptedIssuers() {
			return new java.security.cert.X509Certificate[0];
		}

	}

	private static double usedHeapMb() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0;
	}

	// ---------------------------------------------------------------- helpers

	private static ConfigurableApplicationContext run(Path properties) {
		return new SpringApplicationBuilder(App.class).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.config.location=file:" + properties)
			.run();
	}

	private static int port(KestrelWebServer server, String name) {
		return server.getBoundEndpoints()
			.stream()
			.filter((endpoint) -> endpoint.name().equals(name))
			.findFirst()
			.orElseThrow()
			.port();
	}

	private static double min(List<double[]> results, int index) {
		return results.stream().mapToDouble((result) -> result[index]).min().orElse(Double.NaN);
	}

	private static double max(List<double[]> results, int index) {
		return results.stream().mapToDouble((result) -> result[index]).max().orElse(Double.NaN);
	}

	private static double median(List<double[]> results, int index) {
		double[] values = results.stream().mapToDouble((result) -> result[index]).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private static void delete(Path directory) throws IOException {
		try (var files = Files.walk(directory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	/**
	 * The application under measurement: the starter and WebFlux, nothing else.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
