# shellcheck shell=bash
# P5: start-up time to the first successful request (every endpoint answering GET /plaintext with 200), measured from
# the exec of `java`, for stock Spring Boot, the starter with 1 endpoint and the starter with 16 endpoints (TCP on
# 127.0.0.1). Interleaved, STARTUP_ROUNDS rounds after one unrecorded start of each (page cache; not in quick mode).
# Both cores (STARTUP_CORES).
# Decision: starter-1 ÷ stock ≤ 1.10 and starter-16 ÷ stock ≤ 1.25 (median wall time); CPU time reported beside it.

p5_start() {
	local contender="$1" round="$2" variant expect ports port targets="" args=()
	case "$contender" in
		stock)
			variant=stock expect=$(expected_server stock)
			port=$(free_ports 1)
			targets="http://127.0.0.1:$port"
			args=(--server.address=127.0.0.1 "--server.port=$port") ;;
		starter-*)
			variant=starter expect=$(expected_server starter)
			ports=$(free_ports "${contender#starter-}")
			local i=0
			for port in $ports; do
				i=$((i + 1))
				targets+="http://127.0.0.1:$port,"
				args+=("--kestrel.endpoints.e$i.url=http://127.0.0.1:$port")
			done ;;
	esac
	local out="$RUN_DIR/samples.jsonl"
	[[ "$round" == warmup ]] && out=/dev/null
	# shellcheck disable=SC2046
	py startup --scenario P5 --contender "$contender" --round "$round" --targets "$targets" --expect "$expect" \
		--timeout "$START_TIMEOUT" --quiet-wait "$([[ $round == warmup ]] && echo 0 || echo "$QUIET_WAIT")" \
		--budget-file "$RUN_DIR/quiet-budget" --log "$RUN_DIR/P5-$contender-$round.log" --out "$out" -- \
		taskset -c "$STARTUP_CORES" java $(jvm_opts "P5-$contender-$round") -cp "$(java_cp "$variant")" \
		dev.kestrel.benchmarks.app.BenchmarkApplication "${args[@]}" \
		|| die "start-up measurement failed: $contender round $round"
}

scenario_run() {
	local contenders="stock starter-1 starter-16" c r
	if ((STARTUP_WARMUP)); then
		for c in $contenders; do
			p5_start "$c" warmup
		done
	fi
	for ((r = 1; r <= STARTUP_ROUNDS; r++)); do
		for c in $contenders; do
			p5_start "$c" "$r"
		done
	done
	compare P5 "start-up to first response, 1 endpoint" startup_ms starter-1 stock "<=" 1.10 yes
	compare P5 "start-up to first response, 16 endpoints" startup_ms starter-16 stock "<=" 1.25 yes
	compare P5 "CPU time to first response, 1 endpoint" startup_cpu_ms starter-1 stock "<=" - no
	compare P5 "CPU time to first response, 16 endpoints" startup_cpu_ms starter-16 stock "<=" - no
	compare P5 "RSS at first response, 16 endpoints" rss_mb starter-16 stock "<=" - no
}
