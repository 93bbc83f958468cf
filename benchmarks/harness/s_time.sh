#!/usr/bin/env bash
# s_time.sh CLIENTS SECONDS new|reuse TARGET: CLIENTS parallel `openssl s_time` loops against TARGET (https://host:port)
# for SECONDS, each connection a full handshake (new: s_time never offers a session) or a resumption (reuse: every
# connection after a client's first offers its session or ticket), one HTTP/1.0 GET /plaintext per connection.
# s_time prints one character per connection, 'r' when the server resumed it: the summary line counts both, so every
# round proves how many connections were resumed (bench.py refuses a P2 round with any, a P8 round with too few).
set -euo pipefail
clients="$1" seconds="$2" mode="$3" target="$4"
hostport=${target#https://}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for ((i = 0; i < clients; i++)); do
	openssl s_time -connect "$hostport" "-$mode" -time "$seconds" -www /plaintext >"$dir/$i.out" 2>&1 &
done
status=0
wait || status=$?
connections=0 resumed=0
for ((i = 0; i < clients; i++)); do
	n=$(grep -m1 -oE '^[0-9]+ connections in [0-9.]+s' "$dir/$i.out" | grep -oE '^[0-9]+' || true)
	[[ -n $n ]] || { cat "$dir/$i.out" >&2; exit 1; }
	connections=$((connections + n))
	# the marks line(s): '*' (or 't', '3') a full handshake, 'r' a resumed one
	r=$(grep -E '^[*t3r]+$' "$dir/$i.out" | tr -cd 'r' | wc -c)
	resumed=$((resumed + r))
done
echo "s_time ($mode, $clients clients): $connections connections in ${seconds}s, $resumed resumed, $((connections - resumed)) full"
exit "$status"
