# shellcheck shell=bash
# P3: SNI at scale, measured by dev.kestrel.benchmarks.sni.SniScaleMain (the SNI engineers' program; see its Javadoc):
#   rate     one application, two HTTPS endpoints on the same certificate: "one" (one SNI entry, "*") and "many"
#            (10,000 exact + 1,000 wildcard entries + "*"); h2load opens 200 new connections with one request each
#            (a full handshake per connection, no resumption: every h2load client is a new TLS client), names
#            alternating between exact ones and ones under a wildcard, the endpoints interleaved round by round after
#            warm-up rounds. The JVM runs on the server core, h2load on the load core (-Dsni.loadCores).
#            Decision: handshakes/s many ÷ one ≥ 0.95 (event-loop CPU per handshake beside it).
#   startup  a fresh JVM per run (-Xmx2g, SerialGC, both cores), alternately with one SNI entry with a certificate
#            and with 10,000 entries with their own certificate files (+ 1,000 wildcard entries and "*"): time from
#            main to a started server and heap after a full GC at that point; certificates load lazily above 100
#            entries, so the heap once every certificate is loaded is reported beside it.
#            Decisions: start-up time many − one ≤ +2 s, heap many − one ≤ +200 MB (medians of the paired runs).
# Figures are recorded as samples (bench.py record) so that the report treats them like every other row.

p3_record() {
	py record --out "$RUN_DIR/samples.jsonl" --scenario P3 --tool sni-scale "$@"
}

scenario_run() {
	local seconds rounds warmups certificates runs line r
	if [[ $MODE == quick ]]; then
		seconds=1 rounds=1 warmups=0 certificates=${P3_CERTIFICATES:-150} runs=1
	else
		seconds=${P3_SECONDS:-5} rounds=$ROUNDS warmups=${P3_WARMUP_ROUNDS:-5} certificates=${P3_CERTIFICATES:-10000} runs=${P3_STARTUP_RUNS:-3}
	fi
	local cp
	cp=$(java_cp jmh)
	log "P3 rate: $rounds rounds of ${seconds}s per endpoint after $warmups warm-up rounds"
	# shellcheck disable=SC2086
	timeout 1200 taskset -c "$SERVER_CORES" java $JAVA_OPTS_BENCH "-Dsni.loadCores=$LOAD_CORES" -cp "$cp" \
		dev.kestrel.benchmarks.sni.SniScaleMain rate "$seconds" "$rounds" "$warmups" >"$RUN_DIR/P3-rate.log" 2>&1 \
		|| { tail -n 30 "$RUN_DIR/P3-rate.log" >&2; die "P3 rate failed (log: $RUN_DIR/P3-rate.log)"; }
	grep -E '^  round|^RATE' "$RUN_DIR/P3-rate.log" >&2 || true
	# "  round 1: one entry 441/s (1234 us CPU), 11,001 entries 436/s (1250 us CPU)"
	while read -r r one one_cpu many many_cpu; do
		p3_record --contender one --round "$r" --metrics "handshakes_per_s=$one,cpu_us_per_handshake=$one_cpu"
		p3_record --contender many --round "$r" --metrics "handshakes_per_s=$many,cpu_us_per_handshake=$many_cpu"
	done < <(sed -nE 's/^  round ([0-9]+): one entry ([0-9.]+)\/s \(([0-9.]+) us CPU\), 11,001 entries ([0-9.]+)\/s \(([0-9.]+) us CPU\).*/\1 \2 \3 \4 \5/p' \
		"$RUN_DIR/P3-rate.log")
	grep -q '^  round' "$RUN_DIR/P3-rate.log" || die "P3 rate printed no rounds (log: $RUN_DIR/P3-rate.log)"

	log "P3 start-up: $runs runs each with 1 SNI entry and with $certificates certificates"
	timeout 1800 taskset -c "$STARTUP_CORES" java -Xmx1g -cp "$cp" dev.kestrel.benchmarks.sni.SniScaleMain startup \
		"$certificates" "$runs" >"$RUN_DIR/P3-startup.log" 2>&1 \
		|| { tail -n 30 "$RUN_DIR/P3-startup.log" >&2; die "P3 start-up failed (log: $RUN_DIR/P3-startup.log)"; }
	grep -E '^  |^STARTUP|^start-up' "$RUN_DIR/P3-startup.log" >&2 || true
	# "  1 entry: started in 2345 ms (main thread CPU 2100 ms, process CPU 4000 ms), heap 30 MB; certificates loaded
	#  12 ms later, heap 31 MB" and the same with "<N> certificates:", alternating, one pair per run.
	local n_one=0 n_many=0 label started main heap heap_loaded
	while read -r label started main heap heap_loaded; do
		if [[ $label == one ]]; then
			n_one=$((n_one + 1)) r=$n_one
		else
			n_many=$((n_many + 1)) r=$n_many
		fi
		p3_record --contender "$label" --round "$r" \
			--metrics "start_ms=$started,main_cpu_ms=$main,heap_mb=$heap,loaded_heap_mb=$heap_loaded"
	done < <(sed -nE 's/^  (1 entry|[0-9]+ certificates): started in ([0-9.]+) ms \(main thread CPU ([0-9.]+) ms, process CPU [0-9.]+ ms\), heap ([0-9.]+) MB; certificates loaded [0-9.]+ ms later, heap ([0-9.]+) MB.*/\1 \2 \3 \4 \5/p' \
		"$RUN_DIR/P3-startup.log" | sed -E 's/^1 entry /one /; s/^[0-9]+ certificates /many /')
	((n_one > 0 && n_many > 0)) || die "P3 start-up printed no runs (log: $RUN_DIR/P3-startup.log)"

	compare P3 "handshakes/s, 11,001 SNI entries ÷ 1" handshakes_per_s many one ">=" 0.95 yes
	compare P3 "event-loop CPU per handshake, 1 entry ÷ 11,001" cpu_us_per_handshake one many ">=" - no
	compare_delta P3 "start-up time, $certificates certificates − 1 entry" start_ms many one "<=" 2000 yes
	compare_delta P3 "heap after start-up, $certificates certificates − 1 entry" heap_mb many one "<=" 200 yes
	compare_delta P3 "heap with every certificate loaded, $certificates certificates − 1 entry" loaded_heap_mb many one \
		"<=" - no "certificates above 100 SNI entries load lazily, in the background once the endpoint is bound"
	compare_delta P3 "main-thread CPU to start-up, $certificates certificates − 1 entry" main_cpu_ms many one "<=" - no
}
