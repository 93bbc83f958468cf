# shellcheck shell=bash
# P4 (TLS part): HTTP/2 over TLS (h2load, ALPN h2; persistent connections, so the handshake is a negligible share),
# the same protocols (h2 + HTTP/1.1) and the same RSA-2048 certificate on every contender: the starter's HTTPS endpoint
# (default Protocols: Http1AndHttp2, default engine OpenSSL), the raw Reactor Netty server (Http2SslContextSpec, the
# same OpenSSL engine: it runs on the starter's classpath for netty-tcnative, without Spring), and stock Spring Boot
# with server.ssl and server.http2.enabled=true (context; stock has no netty-tcnative, so the JDK engine), and the
# starter with the JDK engine (context: separates the engine's per-request cost from the starter's and Spring's).
# Decision: raw CPU/request ÷ starter CPU/request ≥ 0.95 (req/s reported beside it).

declare -gA P4TLS_TARGET=()

p4tls_round() {
	local scenario="$1" contender="$2" round="$3" seconds="$4"
	# A round whose h2load hangs on a connection the server left unread (see prime_h2) starts over after 20 s.
	LOADGEN_SLACK=20 LOADGEN_RETRIES=2 measure "$scenario" "$contender" "$round" \
		"server=${SERVER_PID[P4-tls-$contender]}" h2load "${P4TLS_TARGET[$contender]}" "$seconds"
}

scenario_run() {
	local starter raw stock jdk tls contenders
	contenders=$(quick_contenders "starter raw stock starter-jdk" "starter raw")
	read -r starter raw stock jdk <<<"$(free_ports 4)"
	tls=$(tls_material)
	P4TLS_TARGET=([starter]="https://127.0.0.1:$starter" [raw]="https://127.0.0.1:$raw" [stock]="https://127.0.0.1:$stock"
		[starter-jdk]="https://127.0.0.1:$jdk")
	start_spring P4-tls-starter starter "${P4TLS_TARGET[starter]}" \
		"--kestrel.endpoints.bench.url=${P4TLS_TARGET[starter]}" --kestrel.endpoints.bench.protocols=Http1AndHttp2 \
		"--kestrel.endpoints.bench.certificate.path=$tls/cert.pem" "--kestrel.endpoints.bench.certificate.key-path=$tls/key.pem"
	RAW_CLASSPATH=starter start_raw P4-tls-raw "${P4TLS_TARGET[raw]}" "--port=$raw" --protocols=h2,http11 \
		"--cert=$tls/cert.pem" "--key=$tls/key.pem"
	if [[ " $contenders " == *" stock "* ]]; then
		start_spring P4-tls-stock stock "${P4TLS_TARGET[stock]}" --server.address=127.0.0.1 "--server.port=$stock" \
			--server.http2.enabled=true "--server.ssl.certificate=$tls/cert.pem" \
			"--server.ssl.certificate-private-key=$tls/key.pem"
	fi
	if [[ " $contenders " == *" starter-jdk "* ]]; then
		EXTRA_JVM_OPTS="-Dio.netty.handler.ssl.noOpenSsl=true" start_spring P4-tls-starter-jdk starter \
			"${P4TLS_TARGET[starter-jdk]}" "--kestrel.endpoints.bench.url=${P4TLS_TARGET[starter-jdk]}" \
			--kestrel.endpoints.bench.protocols=Http1AndHttp2 "--kestrel.endpoints.bench.certificate.path=$tls/cert.pem" \
			"--kestrel.endpoints.bench.certificate.key-path=$tls/key.pem"
	fi
	await_servers
	grep -qE 'TLS engine: (OpenSSL|BoringSSL)' "$RUN_DIR/P4-tls-starter.log" || die "P4-tls-starter does not run a native engine"
	if [[ " $contenders " == *" starter-jdk "* ]]; then
		grep -q 'TLS engine: JDK' "$RUN_DIR/P4-tls-starter-jdk.log" || die "P4-tls-starter-jdk does not run the JDK engine"
	fi
	local c
	for c in $contenders; do
		prime_h2 "${P4TLS_TARGET[$c]}"
	done
	interleave P4-tls "$contenders" p4tls_round
	compare P4-tls "server CPU per request (efficiency)" cpu_us_per_req raw starter ">=" 0.95 yes
	compare P4-tls "req/s" req_per_s starter raw ">=" - no
	compare P4-tls "context: starter vs stock Spring Boot h2 (server.ssl, JDK TLS), CPU per request" cpu_us_per_req \
		stock starter ">=" - no "Spring's share is in both; the engines differ (stock has no netty-tcnative)"
	compare P4-tls "context: stock WebFlux (JDK TLS) vs raw Reactor Netty (OpenSSL) h2, CPU per request" cpu_us_per_req \
		stock raw ">=" - no
	compare P4-tls "context: same engine (JDK), stock ÷ starter-jdk, CPU per request" cpu_us_per_req \
		stock starter-jdk ">=" - no
	compare P4-tls "TLS engine on keep-alive h2: JDK ÷ OpenSSL, starter CPU per request" cpu_us_per_req \
		starter-jdk starter ">=" - no
}
