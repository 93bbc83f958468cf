# shellcheck shell=bash
# JMH-sni: SNI lookup microbenchmark (dev.kestrel.benchmarks.sni.SniLookupBenchmark: one entry vs 10,000 exact and
# 1,000 wildcard entries), pinned to the server core. Shorter iterations than the annotations (2 x 1 s warm-up,
# 3 x 2 s measurement; 10 benchmark/parameter pairs); quick mode runs two benchmarks with 11,000 entries only.

scenario_run() {
	local args="${JMH_SNI_ARGS:-}" include='SniLookupBenchmark'
	if [[ -z "$args" ]]; then
		if [[ $MODE == quick ]]; then
			args="-f 1 -wi 0 -i 1 -r 1s -p entries=11000" include='SniLookupBenchmark\.(exact|wildcard)$'
		else
			args="-f 1 -wi 2 -w 1s -i 3 -r 2s"
		fi
	fi
	# shellcheck disable=SC2086
	timeout 900 taskset -c "$SERVER_CORES" java -cp "$(java_cp jmh)" org.openjdk.jmh.Main "$include" $args \
		-rf json -rff "$RUN_DIR/JMH-sni.jmh.json" >"$RUN_DIR/JMH-sni.log" 2>&1 \
		|| { tail -n 30 "$RUN_DIR/JMH-sni.log" >&2; die "JMH run failed"; }
	grep -E '^(Benchmark|SniLookupBenchmark)' "$RUN_DIR/JMH-sni.log" >&2 || true
}
