# shellcheck shell=bash
# JMH-parse: BindingAddress.parse microbenchmark (dev.kestrel.benchmarks.jmh.BindingAddressParseBenchmark), pinned to
# the server core. Full mode uses the benchmark's annotations (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement).

scenario_run() {
	# shellcheck disable=SC2086
	timeout 900 taskset -c "$SERVER_CORES" java -cp "$(java_cp jmh)" org.openjdk.jmh.Main BindingAddressParseBenchmark \
		$JMH_ARGS -rf json -rff "$RUN_DIR/JMH-parse.jmh.json" >"$RUN_DIR/JMH-parse.log" 2>&1 \
		|| { tail -n 30 "$RUN_DIR/JMH-parse.log" >&2; die "JMH run failed"; }
	grep -E '^(Benchmark|BindingAddress)' "$RUN_DIR/JMH-parse.log" >&2 || true
}
