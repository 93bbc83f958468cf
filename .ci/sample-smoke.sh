#!/usr/bin/env bash
# Starts the sample app as README runs it (its own application.yml, fixed ports) and curls every endpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
export KESTREL_X509STORES_CURRENT_USER="$work/stores"
log="$work/sample.log"
java -jar sample-app/target/sample-app.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do
  grep -q "Started SampleApplication" "$log" && break
  if ! kill -0 $pid 2>/dev/null; then cat "$log"; echo "sample app exited"; exit 1; fi
  sleep 1
done
grep "Now listening on:" "$log" | sed 's/.*Now listening on:/Now listening on:/'
java -jar kestrel-dev-certs/target/kestrel-dev-certs.jar https -ep "$work/localhost.pem" --format Pem -np -q
check() {
  local name=$1; shift
  local body
  body=$(curl -sS --max-time 10 "$@")
  echo "$name -> $body"
  case "$body" in *"\"endpoint\":\"$name\""*) ;; *) echo "FAILED: $name"; exit 1 ;; esac
}
check Http http://localhost:5000/
check Http -g 'http://[::1]:5000/'
check Https --cacert "$work/localhost.pem" https://localhost:5001/
check AllProtocols --cacert "$work/localhost.pem" https://localhost:5003/
check Internal http://127.0.0.1:5002/
check Socket --unix-socket /tmp/kestrel-sample.sock http://localhost/
curl -sSI --max-time 10 --cacert "$work/localhost.pem" https://localhost:5003/ | grep -i '^alt-svc: h3=":5003"'
echo "sample smoke test OK: 7 checks"
