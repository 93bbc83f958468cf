package dev.kestrel.benchmarks.sni;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.SniOptions;
import dev.kestrel.options.TlsConnectionContext;
import dev.kestrel.internal.sni.SniHostMap;
import dev.kestrel.internal.sni.SniOptionsSelector;

/**
 * SNI lookup cost with one entry versus 10,000 exact and 1,000 wildcard entries
 * ({@code entries} = 1 or 11000): an exact name, a name two labels below a wildcard, a
 * name nothing matches (it walks every label, then takes {@code *}), and the whole
 * per-handshake selection ({@link SniOptionsSelector}) of an exact name. With one entry
 * the map holds only the key the benchmark looks up ({@code a.example.org},
 * {@code *.w.example.org}, {@code *}); with 11,000 those keys are among the others.
 * {@code rotating} looks up 1,024 different existing names in turn (cache misses
 * included), the others one name. Each lookup builds its name from characters first, as
 * the TLS handler gets a new string from every client hello, so that hashing the name is
 * part of the cost.
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/classpath-jmh.txt):benchmarks/target/classes" org.openjdk.jmh.Main SniLookupBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SniLookupBenchmark {

	private static final TlsConnectionContext CONNECTION = new TlsConnectionContext("Sni", null, null);

	@Param({ "1", "11000" })
	int entries;

	private SniHostMap<String> exactMap;

	private SniHostMap<String> wildcardMap;

	private SniHostMap<String> catchAllMap;

	private SniOptionsSelector selector;

	private char[][] rotatingNames;

	private final char[] exactName = "a.example.org".toCharArray();

	private final char[] wildcardName = "x.y.w.example.org".toCharArray();

	private final char[] unmatchedName = "nothing.here.example.net".toCharArray();

	private int next;

	@Setup
	public void setUp() {
		Map<String, String> filler = new LinkedHashMap<>();
		if (this.entries > 1) {
			for (int i = 0; i < 10_000; i++) {
				filler.put("host" + i + ".d" + (i % 1_000) + ".example.org", "exact" + i);
			}
			for (int i = 0; i < 1_000; i++) {
				filler.put("*.w" + i + ".example.org", "wild" + i);
			}
		}
		this.exactMap = SniHostMap.of(with(filler, "a.example.org"));
		this.wildcardMap = SniHostMap.of(with(filler, "*.w.example.org"));
		this.catchAllMap = SniHostMap.of(with(filler, "*"));
		Map<String, SniOptions> sni = new LinkedHashMap<>();
		filler.keySet().forEach((host) -> sni.put(host, new SniOptions(null, null, null, null)));
		sni.put("a.example.org", new SniOptions(null, HttpProtocols.HTTP1, null, null));
		this.selector = new SniOptionsSelector("Sni",
				new HttpsConnectionAdapterOptions().serverCertificate(BenchmarkCertificates.selfSigned("localhost")),
				HttpProtocols.HTTP1_AND_HTTP2, sni);
		this.rotatingNames = new char[1024][];
		for (int i = 0; i < this.rotatingNames.length; i++) {
			int host = (this.entries > 1) ? (i * 9_973) % 10_000 : -1;
			this.rotatingNames[i] = ((host >= 0) ? "host" + host + ".d" + (host % 1_000) + ".example.org"
					: "a.example.org")
				.toCharArray();
		}
	}

	private static Map<String, String> with(Map<String, String> filler, String key) {
		Map<String, String> map = new LinkedHashMap<>(filler);
		map.put(key, "target");
		return map;
	}

	@Benchmark
	public String exact() {
		return this.exactMap.match(new String(this.exactName));
	}

	@Benchmark
	public String exactRotating() {
		String name = new String(this.rotatingNames[this.next++ & 1023]);
		return ((this.entries > 1) ? this.catchAllMap : this.exactMap).match(name);
	}

	@Benchmark
	public String wildcard() {
		return this.wildcardMap.match(new String(this.wildcardName));
	}

	@Benchmark
	public String noMatchFallsToCatchAll() {
		return this.catchAllMap.match(new String(this.unmatchedName));
	}

	@Benchmark
	public Object selection() {
		return this.selector.select(CONNECTION, new String(this.exactName));
	}

}
