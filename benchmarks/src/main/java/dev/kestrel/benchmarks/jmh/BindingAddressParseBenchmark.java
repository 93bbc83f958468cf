package dev.kestrel.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.kestrel.options.BindingAddress;

/**
 * URL parsing ({@link BindingAddress#parse(String)}) for each kind of address an endpoint
 * can be written as. Run by {@code benchmarks/run.sh --only JMH}, or directly:
 * {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath-jmh.txt) org.openjdk.jmh.Main Parse}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BindingAddressParseBenchmark {

	/**
	 * One address of each kind: IPv4, localhost, bracketed IPv6, any-IP wildcard, host
	 * name, Unix socket.
	 */
	@Param({ "http://127.0.0.1:5000", "http://localhost:5000", "http://[::1]:5000", "https://*:443",
			"http://contoso.com:80", "http://unix:/run/kestrel/app.sock" })
	public String url;

	/**
	 * Parses the address.
	 * @return the parsed address (returned so that the JIT cannot drop the work)
	 */
	@Benchmark
	public BindingAddress parse() {
		return BindingAddress.parse(this.url);
	}

}
