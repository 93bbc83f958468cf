#!/usr/bin/env bash
# Benchmarks of the Kestrel starter: builds what it needs, runs each row's contenders interleaved, writes the results.
#
#   benchmarks/run.sh [--quick] [--only P1,P5,...] [--rounds N] [--duration S] [--warmup S] [--jfr]
#                     [--no-build] [--no-install]
#
#   --quick      one 1-second round per contender, no warm-up (C1-only JVMs; context contenders left out), every runnable
#                row (< 3 minutes): proves the harness works, never judges speed, exits 0 once the rows ran. Writes
#                benchmarks/work/RESULTS-quick.md only.
#   --only       rows (or prefixes: P4 = P4-h2c,P4-tls; JMH) from scenarios/catalogue.tsv; default: all runnable rows
#   --jfr        records a JFR profile of every server JVM into the run directory (for finding where the CPU goes)
#
# Full mode merges the rows it ran into RESULTS.json, regenerates RESULTS.md and appends a History entry.
# Traffic goes only to 127.0.0.1 and Unix sockets under benchmarks/work/; every process started is killed on exit.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(dirname "$BENCH_DIR")
# shellcheck source=harness/lib.sh
source "$BENCH_DIR/harness/lib.sh"

MODE=full ONLY="" BUILD=1 INSTALL=1 JFR=0
ROUNDS="" DURATION="" WARMUP=""
while (($#)); do
	case "$1" in
		--quick) MODE=quick ;;
		--only) ONLY="$2"; shift ;;
		--only=*) ONLY="${1#--only=}" ;;
		--rounds) ROUNDS="$2"; shift ;;
		--duration) DURATION="$2"; shift ;;
		--warmup) WARMUP="$2"; shift ;;
		--jfr) JFR=1 ;;
		--no-build) BUILD=0 ;;
		--no-install) INSTALL=0 ;;
		-h|--help) sed -n '2,15p' "$0"; exit 0 ;;
		*) die "unknown option $1 (see --help)" ;;
	esac
	shift
done

# WARMUP is the least warm-up per contender, WARMUP_MAX the most (it ends once CPU per request has settled);
# QUIET_WAIT is how long a round may wait for other processes on the machine to quieten down (< 0.3 cores busy);
# REDO is how many times a round is repeated when other processes kept more than 0.5 cores busy during it;
# QUIET_BUDGET bounds the seconds one row may spend on both (so a busy machine cannot stretch a run without limit).
if [[ $MODE == quick ]]; then
	: "${ROUNDS:=1}" "${DURATION:=1}" "${WARMUP:=0}"
	# Quick mode judges nothing: C1 only, so that the many JVM start-ups fit in the time.
	JAVA_OPTS_BENCH=${JAVA_OPTS_BENCH:-"-Xms512m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}
	WARMUP_MAX=${WARMUP_MAX:-$WARMUP} QUIET_WAIT=${QUIET_WAIT:-0} REDO=${REDO:-0} QUIET_BUDGET=${QUIET_BUDGET:-0}
	STARTUP_ROUNDS=${STARTUP_ROUNDS:-1} STARTUP_WARMUP=${STARTUP_WARMUP:-0}
	JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 0 -i 1 -r 1s -p url=http://127.0.0.1:5000,http://unix:/run/kestrel/app.sock"}
else
	: "${ROUNDS:=5}" "${DURATION:=10}" "${WARMUP:=30}"
	WARMUP_MAX=${WARMUP_MAX:-75} QUIET_WAIT=${QUIET_WAIT:-15} REDO=${REDO:-2} QUIET_BUDGET=${QUIET_BUDGET:-120}
	STARTUP_ROUNDS=${STARTUP_ROUNDS:-8} STARTUP_WARMUP=${STARTUP_WARMUP:-1}
	JMH_ARGS=${JMH_ARGS:-""}
fi
((WARMUP_MAX >= WARMUP)) || WARMUP_MAX=$WARMUP
# Servers on core 0, load generators (and nginx) on core 1: each side gets a core of its own, so a round measures the
# server's work rather than its competition with the load generator for one core. Servers start up on both cores
# (STARTUP_CORES) and are pinned once they answer; P5 measures start-up on both cores.
SERVER_CORES=${SERVER_CORES:-0}
LOAD_CORES=${LOAD_CORES:-1}
STARTUP_CORES=${STARTUP_CORES:-0,1}
START_TIMEOUT=${START_TIMEOUT:-120}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
H2_CONNECTIONS=${H2_CONNECTIONS:-16}
H2_STREAMS=${H2_STREAMS:-10}
# The same JVM options for every server contender (under taskset the JVM sees one CPU and picks SerialGC anyway).
JAVA_OPTS_BENCH=${JAVA_OPTS_BENCH:-"-Xms512m -Xmx512m -XX:+UseSerialGC"}
export ROUNDS DURATION WARMUP

STAMP=$(date -u +%Y%m%d-%H%M%S)
RUN_DIR="$BENCH_DIR/work/run-$STAMP"
[[ $MODE == quick ]] && RUN_DIR="$BENCH_DIR/work/quick-$STAMP"
mkdir -p "$RUN_DIR/sockets"
exec 2> >(tee -a "$RUN_DIR/harness.log" >&2)
trap 'stop_started' EXIT
trap 'log "interrupted"; exit 130' INT TERM

log "mode $MODE: $ROUNDS rounds x ${DURATION}s after ${WARMUP}s warm-up per contender; run directory $RUN_DIR"
py self-test >&2

# Rows to run.
CATALOGUE="$BENCH_DIR/scenarios/catalogue.tsv"
RUN_ROWS=() PENDING_ROWS=() TOOLS=()
while read -r id tools pending; do
	if [[ -f "$BENCH_DIR/scenarios/$id.sh" ]]; then
		RUN_ROWS+=("$id")
		[[ $tools != - ]] && TOOLS+=(${tools//,/ })
	elif [[ $pending == pending ]]; then
		PENDING_ROWS+=("$id")
	else
		die "row $id has neither scenarios/$id.sh nor a pending reason"
	fi
done < <(py rows --catalogue "$CATALOGUE" --only "$ONLY")
((${#RUN_ROWS[@]})) || die "nothing to run (pending: ${PENDING_ROWS[*]:-none})"
log "rows to run: ${RUN_ROWS[*]}; pending: ${PENDING_ROWS[*]:-none}"

# Tools (Debian packages), only those the selected rows need.
if ((INSTALL)); then
	wanted=(curl=curl)
	for tool in $(printf '%s\n' "${TOOLS[@]}" | sort -u); do
		case "$tool" in
			wrk) wanted+=(wrk=wrk) ;;
			h2load) wanted+=(h2load=nghttp2-client) ;;
			nginx) wanted+=(nginx=nginx) ;;
			haproxy) wanted+=(haproxy=haproxy) ;;
			openssl) wanted+=(openssl=openssl) ;;
			*) die "unknown tool $tool in the catalogue" ;;
		esac
	done
	ensure_tools "${wanted[@]}"
fi

# Build: the reactor up to this module (no tests), offline when the local repository has everything.
if ((BUILD)); then
	log "building (mvnw -pl benchmarks -am package -Dmaven.test.skip=true)"
	mvn_cmd=("$ROOT_DIR/mvnw" -q -f "$ROOT_DIR/pom.xml" -pl benchmarks -am package -Dmaven.test.skip=true)
	if ! timeout 900 "${mvn_cmd[@]}" -o >"$RUN_DIR/build.log" 2>&1; then
		log "offline build failed; retrying online"
		timeout 900 "${mvn_cmd[@]}" >"$RUN_DIR/build.log" 2>&1 || { tail -n 40 "$RUN_DIR/build.log" >&2; die "build failed"; }
	fi
fi

py machine --root "$ROOT_DIR" >"$RUN_DIR/machine.json"
log "machine: $(cat "$RUN_DIR/machine.json")"

# The contenders are what they claim to be: besides the check every start makes (the web server and factory classes
# printed by the app), the starter on the classpath with kestrel.enabled=false must give Spring Boot's own factory.
if [[ " ${RUN_ROWS[*]} " == *" P"* ]]; then
	SCENARIO=preflight
	port=$(free_ports 1)
	start_spring preflight-starter-disabled starter-disabled "http://127.0.0.1:$port" --kestrel.enabled=false \
		--server.address=127.0.0.1 "--server.port=$port"
	# Quick mode checks it while the first row's servers start (await_servers of that row waits for it too, and the
	# row's stop_started stops it); a full run checks it alone, so that no idle extra JVM shares the server core.
	if [[ $MODE != quick ]]; then
		await_servers
		stop_started
	fi
fi

for SCENARIO in "${RUN_ROWS[@]}"; do
	export SCENARIO
	log "=== $SCENARIO ==="
	echo "$QUIET_BUDGET" >"$RUN_DIR/quiet-budget"
	# shellcheck source=/dev/null
	source "$BENCH_DIR/scenarios/$SCENARIO.sh"
	scenario_run
	stop_started
done

rows_csv=$(IFS=,; echo "${RUN_ROWS[*]}")
if [[ $MODE == quick ]]; then
	py report --run-dir "$RUN_DIR" --catalogue "$CATALOGUE" --mode quick --rows "$rows_csv" \
		--results-md "$BENCH_DIR/work/RESULTS-quick.md" --results-json /dev/null
	log "quick mode: table above and in benchmarks/work/RESULTS-quick.md (not judged)"
else
	py report --run-dir "$RUN_DIR" --catalogue "$CATALOGUE" --mode full --rows "$rows_csv" \
		--results-md "$BENCH_DIR/RESULTS.md" --results-json "$BENCH_DIR/RESULTS.json" \
		--findings "$BENCH_DIR/FINDINGS.md"
	log "wrote benchmarks/RESULTS.md and benchmarks/RESULTS.json"
fi
