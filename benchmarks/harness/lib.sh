# shellcheck shell=bash
# Functions shared by run.sh and the scenarios (scenarios/*.sh). Sourced, not run.
#
# Conventions
#   $BENCH_DIR  benchmarks/            $RUN_DIR   benchmarks/work/run-<stamp>/ (logs, samples, sockets)
#   $ROUNDS $DURATION $WARMUP          rounds, seconds per round, warm-up seconds per contender
#   $SERVER_CORES $LOAD_CORES          taskset CPU lists for servers and load generators
# Every server the harness starts is recorded in STARTED_PIDS and killed by stop_started (run.sh's EXIT trap).
# Traffic only ever goes to 127.0.0.1 or to Unix sockets under $RUN_DIR: check_target refuses anything else.

STARTED_PIDS=()
declare -A SERVER_PID=()

log() {
	printf '%s [bench] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

die() {
	log "ERROR: $*"
	exit 2
}

py() {
	python3 "$BENCH_DIR/harness/bench.py" "$@"
}

# check_target URL: the only permitted targets are 127.0.0.1, [::1] and unix sockets.
check_target() {
	case "$1" in
		http://127.0.0.1:*|https://127.0.0.1:*|http://\[::1\]:*|https://\[::1\]:*|unix:/*) ;;
		*) die "refusing to send traffic to '$1': only 127.0.0.1, [::1] and unix sockets are allowed" ;;
	esac
}

free_ports() {
	py free-ports "$1"
}

# java_cp VARIANT: the classpath of a contender (starter, stock or jmh).
java_cp() {
	local file="$BENCH_DIR/target/classpath-$1.txt"
	[[ -f "$file" ]] || die "missing $file (build first)"
	printf '%s:%s' "$BENCH_DIR/target/classes" "$(cat "$file")"
}

# jvm_opts NAME: the JVM options of a server contender (same for every contender).
jvm_opts() {
	local opts="$JAVA_OPTS_BENCH${EXTRA_JVM_OPTS:+ $EXTRA_JVM_OPTS}"
	if [[ "${JFR:-0}" == 1 ]]; then
		opts+=" -XX:+FlightRecorder -XX:StartFlightRecording=settings=profile,filename=$RUN_DIR/$1.jfr,dumponexit=true"
	fi
	printf '%s' "$opts"
}

# probe TARGET: one GET /plaintext; TARGET is http(s)://127.0.0.1:PORT or unix:/path.sock. Succeeds on a 200.
# (HTTPS: the benchmark's self-signed certificate is not verified.)
probe() {
	local target="$1" code
	check_target "$target"
	if [[ "$target" == unix:* ]]; then
		code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' --unix-socket "${target#unix:}" http://localhost/plaintext || true)
	else
		code=$(curl -sk -o /dev/null -m 2 -w '%{http_code}' "$target/plaintext" || true)
	fi
	[[ "$code" == 200 ]]
}

# start_server NAME CORES EXPECT TARGET CMD...: starts CMD pinned to CORES. await_servers then waits (bounded) until
# TARGET answers 200 and the log shows "BENCH-READY EXPECT" (EXPECT is "server=<class> factory=<class>", or "-" to
# skip the check, for nginx). Servers started one after the other start up in parallel.
declare -a AWAIT_NAMES=()
declare -A AWAIT_TARGET=() AWAIT_EXPECT=()

# A server starts up on STARTUP_CORES (start-up is quicker with both cores) and is pinned to CORES, every thread of it,
# once it answers.
declare -A AWAIT_CORES=()

start_server() {
	local name="$1" cores="$2" expect="$3" target="$4"
	shift 4
	check_target "$target"
	log "starting $name (runs on cores $cores)"
	taskset -c "$STARTUP_CORES" "$@" >"$RUN_DIR/$name.log" 2>&1 &
	local pid=$!
	STARTED_PIDS+=("$pid")
	SERVER_PID[$name]=$pid
	AWAIT_NAMES+=("$name")
	AWAIT_TARGET[$name]=$target
	AWAIT_EXPECT[$name]=$expect
	AWAIT_CORES[$name]=$cores
}

await_servers() {
	local deadline=$((SECONDS + START_TIMEOUT)) name pid logfile ready
	for name in "${AWAIT_NAMES[@]}"; do
		pid=${SERVER_PID[$name]} logfile="$RUN_DIR/$name.log"
		until probe "${AWAIT_TARGET[$name]}"; do
			kill -0 "$pid" 2>/dev/null || { tail -n 30 "$logfile" >&2; die "$name exited during start-up (log: $logfile)"; }
			((SECONDS < deadline)) || { tail -n 30 "$logfile" >&2; die "$name did not answer within ${START_TIMEOUT}s"; }
			sleep 0.2
		done
		taskset -a -p -c "${AWAIT_CORES[$name]}" "$pid" >/dev/null || die "cannot pin $name to cores ${AWAIT_CORES[$name]}"
		if [[ "${AWAIT_EXPECT[$name]}" != "-" ]]; then
			ready=$(grep -m1 -o 'BENCH-READY server=[^ ]* factory=[^ ]*' "$logfile" || true)
			[[ "$ready" == "BENCH-READY ${AWAIT_EXPECT[$name]}" ]] \
				|| die "$name runs '${ready#BENCH-READY }', expected '${AWAIT_EXPECT[$name]}' (log: $logfile)"
			log "$name ready: pid $pid, ${AWAIT_EXPECT[$name]}"
		else
			log "$name ready: pid $pid"
		fi
	done
	AWAIT_NAMES=()
}

# expected_server VARIANT: what the benchmark app prints once started, for each way of running it.
expected_server() {
	case "$1" in
		starter) echo "server=dev.kestrel.internal.server.KestrelWebServer factory=dev.kestrel.internal.server.KestrelReactiveWebServerFactory" ;;
		stock|starter-disabled) echo "server=org.springframework.boot.reactor.netty.NettyWebServer factory=org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory" ;;
		raw) echo "server=raw factory=none" ;;
		*) die "unknown variant $1" ;;
	esac
}

# start_spring NAME VARIANT ARGS...: the benchmark app; VARIANT starter (KestrelWebServer) or stock (NettyWebServer,
# starter not on the classpath).
start_spring() {
	local name="$1" variant="$2" target="$3"
	shift 3
	local expect
	expect=$(expected_server "$variant")
	local cp_variant="$variant"
	[[ "$variant" == starter-disabled ]] && cp_variant=starter
	# shellcheck disable=SC2046
	start_server "$name" "$SERVER_CORES" "$expect" "$target" \
		java $(jvm_opts "$name") -cp "$(java_cp "$cp_variant")" dev.kestrel.benchmarks.app.BenchmarkApplication "$@"
}

# start_raw NAME TARGET ARGS...: the raw Reactor Netty contender, on the stock classpath (no netty-tcnative) unless
# RAW_CLASSPATH=starter (for TLS rows: the same OpenSSL engine as the starter).
start_raw() {
	local name="$1" target="$2"
	shift 2
	# shellcheck disable=SC2046
	start_server "$name" "$SERVER_CORES" "$(expected_server raw)" "$target" \
		java $(jvm_opts "$name") -cp "$(java_cp "${RAW_CLASSPATH:-stock}")" dev.kestrel.benchmarks.raw.RawReactorNettyServer "$@"
}

# tls_material: an RSA-2048 certificate and key (PEM) for 127.0.0.1/localhost, generated once per run into
# $RUN_DIR/tls (never committed); prints the directory.
# tls_material [ec]: a self-signed certificate for the run, RSA-2048 (default) or ECDSA P-256 ("ec"); prints its folder.
tls_material() {
	local dir="$RUN_DIR/tls" key=(-newkey rsa:2048)
	if [[ ${1:-} == ec ]]; then
		dir="$RUN_DIR/tls-ec" key=(-newkey ec -pkeyopt ec_paramgen_curve:P-256)
	fi
	if [[ ! -s "$dir/cert.pem" ]]; then
		mkdir -p "$dir"
		openssl req -x509 "${key[@]}" -nodes -sha256 -days 2 -subj "/CN=localhost" \
			-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$dir/key.pem" -out "$dir/cert.pem" \
			>"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; die "cannot generate the TLS certificate"; }
		chmod 600 "$dir/key.pem"
	fi
	printf '%s' "$dir"
}

# JVM options that make every Java TLS contender do a full handshake per connection (no session resumption): Netty's
# OpenSSL server session cache off (BoringSSL then issues no session tickets either), and for the JDK engine no
# stateless tickets and no pre_shared_key extension (TLS 1.3 resumption).
NO_RESUMPTION_JVM_OPTS="-Dio.netty.handler.ssl.openssl.sessionCacheServer=false -Djdk.tls.server.enableSessionTicketExtension=false -Djdk.tls.server.disableExtensions=pre_shared_key"

# tls_check ROW NAME TARGET: proves that a contender does not resume TLS sessions the way wrk would (a full request,
# then a second connection offering the session or ticket it got; the default TLS version, which is what wrk
# negotiates, and TLS 1.2 for information), and records the negotiated protocol, cipher and key exchange. Dies when the
# default version resumes. Output: $RUN_DIR/<ROW>-tls.txt.
tls_check() {
	local row="$1" name="$2" target="$3" hostport version first second line session="$RUN_DIR/tls/$2.session"
	check_target "$target"
	hostport=${target#https://}
	local versions=(default -tls1_2)
	[[ ${MODE:-full} == quick ]] && versions=(default)
	for version in "${versions[@]}"; do
		local flag=()
		[[ $version != default ]] && flag=("$version")
		rm -f "$session"
		first=$(printf 'GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' \
			| timeout 15 openssl s_client -connect "$hostport" "${flag[@]}" -sess_out "$session" -ign_eof 2>&1 || true)
		second="no session or ticket offered to the client"
		if [[ -s "$session" ]]; then
			second=$(printf 'GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' \
				| timeout 15 openssl s_client -connect "$hostport" "${flag[@]}" -sess_in "$session" -ign_eof 2>&1 \
				| grep -m1 -E '^(New|Reused),' || true)
		fi
		rm -f "$session"
		line="$name ($version): $(grep -m1 -E '^(New|Reused),' <<<"$first" || echo 'no handshake'); \
$(grep -m1 -E 'Server Temp Key' <<<"$first" | sed 's/^ *//' || true); second connection: ${second:-no handshake}"
		echo "$line" >>"$RUN_DIR/$row-tls.txt"
		log "$row TLS check: $line"
		[[ "$first" == *"New, "* ]] || die "$name: no TLS handshake on $target"
		if [[ $version == default && "$second" == Reused* ]]; then
			die "$name resumes TLS sessions: every connection of $row must make a full handshake"
		fi
	done
}

# start_nginx NAME CONF TARGET: nginx in the foreground, one process (master_process off), prefix in $RUN_DIR.
start_nginx() {
	local name="$1" conf="$2" target="$3" cores="${4:-$LOAD_CORES}"
	mkdir -p "$RUN_DIR/nginx-$name/logs" "$RUN_DIR/nginx-$name/tmp"
	start_server "$name" "$cores" - "$target" nginx -p "$RUN_DIR/nginx-$name" -c "$conf" -e "$RUN_DIR/nginx-$name/logs/error.log"
}

# stop_started: SIGTERM to every process started, then SIGKILL to those still running after 15 s.
stop_started() {
	local pid i alive
	for pid in "${STARTED_PIDS[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for ((i = 0; i < 150; i++)); do
		alive=0
		for pid in "${STARTED_PIDS[@]}"; do
			kill -0 "$pid" 2>/dev/null && alive=1
		done
		((alive)) || break
		sleep 0.1
	done
	for pid in "${STARTED_PIDS[@]}"; do
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	STARTED_PIDS=()
	SERVER_PID=()
}

# measure SCENARIO CONTENDER ROUND PIDSPEC TOOL TARGET SECONDS [TOOL ARGS...]: one round; prints the CPU per request.
#   PIDSPEC: label=pid[,label=pid] (the processes whose CPU is charged to the requests)
#   TOOL: wrk (HTTP/1.1) or h2load (HTTP/2); ROUND "warmup" records nothing and does not wait for a quiet machine.
measure() {
	local scenario="$1" contender="$2" round="$3" pids="$4" tool="$5" target="$6" seconds="$7"
	shift 7
	check_target "$target"
	local cmd=()
	case "$tool" in
		wrk) cmd=(wrk -t1 -c "${WRK_CONNECTIONS}" -d "${seconds}s" --latency "$@" "$target/plaintext") ;;
		h2load) cmd=(h2load -t1 -c "${H2_CONNECTIONS}" -m "${H2_STREAMS}" -D "$seconds" "$@" "$target/plaintext") ;;
		# wrk, a new connection per request (P2): as many connections as the server can handshake with one core.
		wrk-close) cmd=(wrk -t1 -c "${WRK_CLOSE_CONNECTIONS:-16}" -d "${seconds}s" --latency -H "Connection: close" "$@" "$target/plaintext") ;;
		# openssl s_time loops, a new connection per request: full handshakes (P2) or resumed ones (P8); the
		# summary counts the resumed connections, which bench.py checks (harness/s_time.sh).
		s_time-new) cmd=("$BENCH_DIR/harness/s_time.sh" "${S_TIME_CLIENTS:-4}" "$seconds" new "$target") ;;
		s_time-reuse) cmd=("$BENCH_DIR/harness/s_time.sh" "${S_TIME_CLIENTS:-4}" "$seconds" reuse "$target") ;;
		*) die "unknown load tool $tool" ;;
	esac
	local out="$RUN_DIR/samples.jsonl" quiet="$QUIET_WAIT" redo="$REDO"
	[[ "$round" == warmup ]] && out=/dev/null quiet=0 redo=0
	log "$scenario $contender round $round: ${cmd[*]}"
	py measure --scenario "$scenario" --contender "$contender" --round "$round" --pids "$pids" --tool "$tool" \
		--max-error-rate "${MAX_ERROR_RATE:-0.001}" --retries-on-timeout "${LOADGEN_RETRIES:-0}" \
		--timeout "$((seconds + ${LOADGEN_SLACK:-60}))" --quiet-wait "$quiet" --redo "$redo" --budget-file "$RUN_DIR/quiet-budget" \
		--out "$out" -- taskset -c "$LOAD_CORES" "${cmd[@]}" \
		|| die "measurement failed: $scenario $contender round $round"
}

# compare ROW LABEL METRIC NUMERATOR DENOMINATOR OP GOAL DECIDES [NOTE]: one line of the results table:
# ratio = median(METRIC of NUMERATOR) / median(METRIC of DENOMINATOR), judged against OP GOAL (">=", "<=") when
# DECIDES is "yes"; "info" rows are reported without a verdict.
compare() {
	py compare --out "$RUN_DIR/compare.jsonl" --scenario "$SCENARIO" --row "$1" --label "$2" --metric "$3" --num "$4" --den "$5" \
		--op "$6" --goal "$7" --decides "$8" --note "${9:-}"
}

# prime_h2 TARGET...: a short, bounded h2load burst on each freshly started HTTP/2-over-TLS server, before its
# warm-up. On this machine a cold Reactor Netty server (raw and Spring alike, either TLS engine) now and then leaves
# one of the first h2 connections unread (its bytes stay in the socket's receive queue, every event loop idle), which
# would hang h2load; priming is bounded (timeout) and its failure ignored, and the rounds of such rows start over when
# the load generator hangs (LOADGEN_RETRIES, LOADGEN_SLACK).
prime_h2() {
	local target
	for target in "$@"; do
		check_target "$target"
		timeout 30 taskset -c "$LOAD_CORES" h2load -t1 -c 16 -m 10 -n 1600 "$target/plaintext" \
			>>"$RUN_DIR/$SCENARIO-prime.log" 2>&1 || log "$SCENARIO: priming $target failed (ignored)"
	done
}

# compare_delta ROW LABEL METRIC NUMERATOR DENOMINATOR OP GOAL DECIDES [NOTE]: like compare, for a difference
# (median of the paired per-round differences NUMERATOR − DENOMINATOR) judged against OP GOAL (P3's "≤ +2 s").
compare_delta() {
	py compare --out "$RUN_DIR/compare.jsonl" --scenario "$SCENARIO" --row "$1" --label "$2" --metric "$3" --num "$4" --den "$5" \
		--op "$6" --goal "$7" --decides "$8" --note "${9:-}" --kind delta
}

# jit_seconds: CPU seconds the JIT compiler threads ("C1/C2 CompilerThre...") of every JVM started so far have used.
jit_seconds() {
	py jit-seconds "$(IFS=,; echo "${STARTED_PIDS[*]}")"
}

# warm_up SCENARIO CONTENDER FUNCTION: load in chunks of up to 5 s, at least WARMUP seconds, until the last three
# chunks agree on CPU per request within 3 % and the JIT compilers used less than 3 % of a core during the last chunk
# (the JIT has settled: a JVM pinned to one core compiles on the core it serves from, so its profiled, not yet
# optimised code can look steady for a while, and TLS rows kept compiling for minutes), or WARMUP_MAX seconds have
# passed.
warm_up() {
	local scenario="$1" contender="$2" fn="$3" total=0 chunk value values=() jit0 jit1 jit_share=1
	((WARMUP > 0)) || return 0
	chunk=$((WARMUP < 5 ? WARMUP : 5))
	while :; do
		jit0=$(jit_seconds)
		value=$("$fn" "$scenario" "$contender" warmup "$chunk")
		jit1=$(jit_seconds)
		jit_share=$(awk -v a="$jit0" -v b="$jit1" -v c="$chunk" 'BEGIN { printf "%.3f", (b - a) / c }')
		values+=("$value")
		total=$((total + chunk))
		if ((total >= WARMUP && ${#values[@]} >= 3)) && printf '%s\n' "${values[@]: -3}" \
			| awk 'NR == 1 { lo = $1; hi = $1 } { if ($1 < lo) lo = $1; if ($1 > hi) hi = $1 } END { exit !((hi - lo) / lo < 0.03) }' \
			&& awk -v j="$jit_share" 'BEGIN { exit !(j < 0.03) }'; then
			break
		fi
		((total >= WARMUP_MAX)) && break
	done
	local shown=("${values[@]}")
	((${#shown[@]} > 3)) && shown=("${values[@]: -3}")
	log "$scenario $contender warmed up for ${total}s (last chunks: ${shown[*]} µs CPU per request; JIT compilers" \
		"$(awk -v j="$jit_share" 'BEGIN { printf "%.0f", j * 100 }') % of a core in the last chunk)"
}

# quick_contenders ALL QUICK: the contenders of a row, fewer in quick mode (which judges nothing and must stay short):
# QUICK keeps those a row's deciding lines need and leaves out context contenders.
quick_contenders() {
	if [[ ${MODE:-full} == quick ]]; then printf '%s' "$2"; else printf '%s' "$1"; fi
}

# interleave SCENARIO "name1 name2 ..." FUNCTION: warms every contender up, then runs ROUNDS rounds of
# FUNCTION SCENARIO CONTENDER ROUND SECONDS, the contenders in the given order each round (A B C A B C ...).
interleave() {
	local scenario="$1" contenders="$2" fn="$3" c r
	for c in $contenders; do
		warm_up "$scenario" "$c" "$fn"
	done
	for ((r = 1; r <= ROUNDS; r++)); do
		for c in $contenders; do
			"$fn" "$scenario" "$c" "$r" "$DURATION" >/dev/null
		done
	done
}

# ensure_tools CMD=PACKAGE...: installs the Debian packages of missing commands (apt-get update first). Services are
# kept from starting during the install (policy-rc.d), so nginx never listens on port 80.
ensure_tools() {
	local missing=() pair
	for pair in "$@"; do
		command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
	done
	((${#missing[@]} == 0)) && return 0
	log "installing ${missing[*]} (apt-get)"
	[[ $(id -u) == 0 ]] || die "need root to apt-get install ${missing[*]} (or install them yourself)"
	local policy=/usr/sbin/policy-rc.d created=0
	if [[ ! -e "$policy" ]]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=1
	fi
	timeout 300 apt-get update -qq || log "apt-get update failed; trying the install anyway"
	local rc=0
	DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || rc=$?
	((created)) && rm -f "$policy"
	((rc == 0)) || die "apt-get install ${missing[*]} failed"
	for pair in "$@"; do
		command -v "${pair%%=*}" >/dev/null 2>&1 || die "${pair%%=*} still missing after installing ${pair#*=}"
	done
}
