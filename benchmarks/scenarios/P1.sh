# shellcheck shell=bash
# P1: HTTP/1.1 keep-alive (wrk). Contenders: the app with the starter (one endpoint, default protocols), the same app
# without the starter (stock Spring Boot WebFlux), and the raw Reactor Netty server (context: Spring's share).
# Decision: efficiency = stock CPU/request ÷ starter CPU/request ≥ 0.98.

declare -gA P1_TARGET=()

p1_round() {
	local scenario="$1" contender="$2" round="$3" seconds="$4"
	measure "$scenario" "$contender" "$round" "server=${SERVER_PID[P1-$contender]}" wrk "${P1_TARGET[$contender]}" \
		"$seconds"
}

scenario_run() {
	local starter stock raw stock2 h1 contenders
	contenders=$(quick_contenders "starter stock raw" "starter stock")
	read -r starter stock raw stock2 h1 <<<"$(free_ports 5)"
	P1_TARGET=([starter]="http://127.0.0.1:$starter" [stock]="http://127.0.0.1:$stock" [raw]="http://127.0.0.1:$raw")
	start_spring P1-starter starter "${P1_TARGET[starter]}" "--kestrel.endpoints.bench.url=http://127.0.0.1:$starter"
	start_spring P1-stock stock "${P1_TARGET[stock]}" --server.address=127.0.0.1 "--server.port=$stock"
	[[ " $contenders " == *" raw "* ]] && start_raw P1-raw "${P1_TARGET[raw]}" "--port=$raw" --protocols=http11
	if [[ "${P1_AA:-0}" == 1 ]]; then
		# A/A control: a second, identical stock JVM shows the noise floor of the efficiency ratio.
		P1_TARGET[stock-2]="http://127.0.0.1:$stock2"
		start_spring P1-stock-2 stock "${P1_TARGET[stock-2]}" --server.address=127.0.0.1 "--server.port=$stock2"
		contenders+=" stock-2"
	fi
	if [[ "${P1_H1:-0}" == 1 ]]; then
		# Diagnostic: the starter with Protocols: Http1 (no h2c upgrade handler on the HTTP/1.1 pipeline).
		P1_TARGET[starter-h1]="http://127.0.0.1:$h1"
		start_spring P1-starter-h1 starter "${P1_TARGET[starter-h1]}" "--kestrel.endpoints.bench.url=http://127.0.0.1:$h1" \
			--kestrel.endpoints.bench.protocols=Http1
		contenders+=" starter-h1"
	fi
	await_servers
	interleave P1 "$contenders" p1_round
	compare P1 "server CPU per request (efficiency)" cpu_us_per_req stock starter ">=" 0.98 yes
	compare P1 "req/s" req_per_s starter stock ">=" - no
	compare P1 "p99 latency" p99_ms starter stock "<=" - no
	compare P1 "context: stock WebFlux vs raw Reactor Netty, CPU per request" cpu_us_per_req stock raw ">=" - no \
		"Spring's share: stock Spring Boot WebFlux costs this many times the raw handler's CPU per request"
	if [[ "${P1_AA:-0}" == 1 ]]; then
		compare P1 "A/A control: two identical stock JVMs, CPU per request" cpu_us_per_req stock-2 stock ">=" - no \
			"the noise floor of the efficiency ratio"
	fi
	if [[ "${P1_H1:-0}" == 1 ]]; then
		compare P1 "diagnostic: starter with Protocols Http1, CPU per request" cpu_us_per_req stock starter-h1 ">=" - no \
			"stock CPU/req ÷ CPU/req of the starter without h2c"
		compare P1 "diagnostic: h2c support on HTTP/1.1 connections, CPU per request" cpu_us_per_req starter starter-h1 \
			"<=" - no "starter (Http1AndHttp2) ÷ starter (Http1)"
	fi
}
