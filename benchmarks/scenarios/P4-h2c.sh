# shellcheck shell=bash
# P4 (h2c part): HTTP/2 over cleartext with prior knowledge (h2load), the same protocols (HTTP/1.1 + h2c) on every
# contender: stock Spring Boot with server.http2.enabled=true and the starter's endpoint (default Protocols:
# Http1AndHttp2) decide; the raw Reactor Netty server is context (Spring WebFlux's own share, not a goal).
# Decision: stock CPU/request ÷ starter CPU/request ≥ 0.98 (req/s reported beside it).

declare -gA P4H2C_TARGET=()

p4h2c_round() {
	local scenario="$1" contender="$2" round="$3" seconds="$4"
	measure "$scenario" "$contender" "$round" "server=${SERVER_PID[P4-h2c-$contender]}" h2load \
		"${P4H2C_TARGET[$contender]}" "$seconds"
}

scenario_run() {
	local starter raw stock contenders
	contenders=$(quick_contenders "stock starter raw" "stock starter")
	read -r starter raw stock <<<"$(free_ports 3)"
	P4H2C_TARGET=([starter]="http://127.0.0.1:$starter" [raw]="http://127.0.0.1:$raw" [stock]="http://127.0.0.1:$stock")
	start_spring P4-h2c-starter starter "${P4H2C_TARGET[starter]}" \
		"--kestrel.endpoints.bench.url=http://127.0.0.1:$starter" --kestrel.endpoints.bench.protocols=Http1AndHttp2
	if [[ " $contenders " == *" raw "* ]]; then
		start_raw P4-h2c-raw "${P4H2C_TARGET[raw]}" "--port=$raw" --protocols=http11,h2c
	fi
	start_spring P4-h2c-stock stock "${P4H2C_TARGET[stock]}" --server.address=127.0.0.1 "--server.port=$stock" \
		--server.http2.enabled=true
	await_servers
	interleave P4-h2c "$contenders" p4h2c_round
	compare P4-h2c "server CPU per request (efficiency vs stock Spring Boot)" cpu_us_per_req stock starter ">=" 0.98 yes \
		"stock Spring Boot h2c CPU per request ÷ the starter's"
	compare P4-h2c "req/s vs stock" req_per_s starter stock ">=" - no
	compare P4-h2c "context: raw Reactor Netty ÷ starter h2c, CPU per request" cpu_us_per_req raw starter ">=" - no \
		"Spring WebFlux's own share (a raw handler, not a Spring app: context, not a goal)"
}
