# shellcheck shell=bash
# P7: the cost of connection middleware when nothing is logged. wrk, HTTP/1.1 keep-alive, against three JVMs of the
# starter app: plain (no middleware), the same with a pass-through connection middleware and connection logging
# registered on its endpoint (logger `bench.connections` at INFO: nothing is written), and a second plain JVM as an
# A/A control (the noise floor of the ratio).
# Decision: efficiency = plain CPU/request ÷ middleware CPU/request ≥ 0.98.

declare -gA P7_TARGET=()

p7_round() {
	local scenario="$1" contender="$2" round="$3" seconds="$4"
	measure "$scenario" "$contender" "$round" "server=${SERVER_PID[P7-$contender]}" wrk "${P7_TARGET[$contender]}" \
		"$seconds"
}

scenario_run() {
	local plain middleware plain2 contenders
	contenders=$(quick_contenders "plain middleware plain-2" "plain middleware")
	read -r plain middleware plain2 <<<"$(free_ports 3)"
	P7_TARGET=([plain]="http://127.0.0.1:$plain" [middleware]="http://127.0.0.1:$middleware"
		[plain-2]="http://127.0.0.1:$plain2")
	start_spring P7-plain starter "${P7_TARGET[plain]}" "--kestrel.endpoints.bench.url=http://127.0.0.1:$plain"
	start_spring P7-middleware starter "${P7_TARGET[middleware]}" \
		"--kestrel.endpoints.bench.url=http://127.0.0.1:$middleware" --bench.middleware=true \
		--logging.level.bench.connections=INFO
	[[ " $contenders " == *" plain-2 "* ]] && start_spring P7-plain-2 starter "${P7_TARGET[plain-2]}" \
		"--kestrel.endpoints.bench.url=http://127.0.0.1:$plain2"
	await_servers
	grep -q "Started BenchmarkApplication" "$RUN_DIR/P7-middleware.log" || die "P7-middleware did not start"
	interleave P7 "$contenders" p7_round
	compare P7 "server CPU per request (efficiency)" cpu_us_per_req plain middleware ">=" 0.98 yes
	compare P7 "req/s" req_per_s middleware plain ">=" - no
	if [[ " $contenders " == *" plain-2 "* ]]; then
		compare P7 "A/A control: two identical plain JVMs, CPU per request" cpu_us_per_req plain-2 plain ">=" - no \
			"the noise floor of the efficiency ratio"
	fi
}
