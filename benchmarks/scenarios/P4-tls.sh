# shellcheck shell=bash
# P4 (TLS part): HTTP/2 over TLS (h2load, ALPN h2; persistent connections, so the handshake is a negligible share),
# the same protocols (h2 + HTTP/1.1) and the same RSA-2048 certificate on every contender. The decision compares two
# Spring WebFlux applications on the same engine: stock Spring Boot with server.ssl and server.http2.enabled=true (no
# netty-tcnative on its classpath: the JDK engine) and the starter's HTTPS endpoint on the JDK engine (starter-jdk,
# default Protocols: Http1AndHttp2). Context, not goals: the starter on its default native engine, and the raw Reactor
# Netty server on that engine (Http2SslContextSpec, the starter's classpath without Spring: Spring WebFlux's own share).
# Decision: stock CPU/request ÷ starter-jdk CPU/request ≥ 0.98 (req/s reported beside it).

declare -gA P4TLS_TARGET=()

p4tls_round() {
	local scenario="$1" contender="$2" round="$3" seconds="$4"
	# A round whose h2load hangs on a connection the server left unread (see prime_h2) starts over after 20 s.
	LOADGEN_SLACK=20 LOADGEN_RETRIES=2 measure "$scenario" "$contender" "$round" \
		"server=${SERVER_PID[P4-tls-$contender]}" h2load "${P4TLS_TARGET[$contender]}" "$seconds"
}

scenario_run() {
	local starter raw stock jdk tls contenders
	contenders=$(quick_contenders "stock starter-jdk starter raw" "stock starter-jdk")
	read -r starter raw stock jdk <<<"$(free_ports 4)"
	tls=$(tls_material)
	P4TLS_TARGET=([starter]="https://127.0.0.1:$starter" [raw]="https://127.0.0.1:$raw" [stock]="https://127.0.0.1:$stock"
		[starter-jdk]="https://127.0.0.1:$jdk")
	start_spring P4-tls-starter starter "${P4TLS_TARGET[starter]}" \
		"--kestrel.endpoints.bench.url=${P4TLS_TARGET[starter]}" --kestrel.endpoints.bench.protocols=Http1AndHttp2 \
		"--kestrel.endpoints.bench.certificate.path=$tls/cert.pem" "--kestrel.endpoints.bench.certificate.key-path=$tls/key.pem"
	if [[ " $contenders " == *" raw "* ]]; then
		RAW_CLASSPATH=starter start_raw P4-tls-raw "${P4TLS_TARGET[raw]}" "--port=$raw" --protocols=h2,http11 \
			"--cert=$tls/cert.pem" "--key=$tls/key.pem"
	fi
	start_spring P4-tls-stock stock "${P4TLS_TARGET[stock]}" --server.address=127.0.0.1 "--server.port=$stock" \
		--server.http2.enabled=true "--server.ssl.certificate=$tls/cert.pem" \
		"--server.ssl.certificate-private-key=$tls/key.pem"
	EXTRA_JVM_OPTS="-Dio.netty.handler.ssl.noOpenSsl=true" start_spring P4-tls-starter-jdk starter \
		"${P4TLS_TARGET[starter-jdk]}" "--kestrel.endpoints.bench.url=${P4TLS_TARGET[starter-jdk]}" \
		--kestrel.endpoints.bench.protocols=Http1AndHttp2 "--kestrel.endpoints.bench.certificate.path=$tls/cert.pem" \
		"--kestrel.endpoints.bench.certificate.key-path=$tls/key.pem"
	await_servers
	grep -qE 'TLS engine: (OpenSSL|BoringSSL)' "$RUN_DIR/P4-tls-starter.log" || die "P4-tls-starter does not run a native engine"
	grep -q 'TLS engine: JDK' "$RUN_DIR/P4-tls-starter-jdk.log" || die "P4-tls-starter-jdk does not run the JDK engine"
	if grep -q 'netty-tcnative' "$BENCH_DIR/target/classpath-stock.txt"; then
		die "the stock classpath has netty-tcnative (stock must run the JDK engine, as starter-jdk does)"
	fi
	local c
	for c in $contenders; do
		prime_h2 "${P4TLS_TARGET[$c]}"
	done
	interleave P4-tls "$contenders" p4tls_round
	compare P4-tls "server CPU per request (efficiency vs stock Spring Boot, same engine: JDK)" cpu_us_per_req \
		stock starter-jdk ">=" 0.98 yes "stock Spring Boot h2 (server.ssl) CPU per request ÷ the starter's, both JDK TLS"
	compare P4-tls "req/s vs stock (JDK TLS)" req_per_s starter-jdk stock ">=" - no
	compare P4-tls "context: raw Reactor Netty ÷ starter, native engine, CPU per request" cpu_us_per_req raw starter \
		">=" - no "Spring WebFlux's own share (a raw handler, not a Spring app: context, not a goal)"
	compare P4-tls "context: TLS engine on keep-alive h2: JDK ÷ native, starter CPU per request" cpu_us_per_req \
		starter-jdk starter ">=" - no
}
