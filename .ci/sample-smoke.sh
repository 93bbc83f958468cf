#!/usr/bin/env bash
# Starts the sample app as README runs it (its own application.yml, fixed ports) and requests every endpoint with
# every protocol it serves. With --aot, the same jar runs on its Spring AOT-generated context
# (-Dspring.aot.enabled=true; sample-app's build runs process-aot).
set -euo pipefail
cd "$(dirname "$0")/.."
java_options=()
starting="Starting SampleApplication"
if [ "${1:-}" = "--aot" ]; then
  java_options+=(-Dspring.aot.enabled=true)
  starting="Starting AOT-processed SampleApplication"
fi
work=$(mktemp -d)
export KESTREL_X509STORES_CURRENT_USER="$work/stores"
log="$work/sample.log"
java ${java_options[@]+"${java_options[@]}"} -jar sample-app/target/sample-app.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
# The HTTP/3 client (curl here has none) runs on the sample app's libraries, less the logging back ends.
java -Djarmode=tools -jar sample-app/target/sample-app.jar extract --destination "$work/app" >/dev/null
libraries=$(find "$work/app/lib" -name '*.jar' ! -name 'logback-*' ! -name 'log4j-*' | tr '\n' ':')
for _ in $(seq 1 90); do
  grep -q "Started SampleApplication" "$log" && break
  if ! kill -0 $pid 2>/dev/null; then cat "$log"; echo "sample app exited"; exit 1; fi
  sleep 1
done
grep -q "$starting " "$log" || { cat "$log"; echo "FAILED: no '$starting' in the log"; exit 1; }
grep "Now listening on:" "$log" | sed 's/.*Now listening on:/Now listening on:/'
pem="$work/localhost.pem"
java -jar kestrel-dev-certs/target/kestrel-dev-certs.jar https -ep "$pem" --format Pem -np -q
checks=0
expect() {
  local name=$1 protocol=$2 body=$3
  echo "$name $protocol -> $body"
  case "$body" in *"\"endpoint\":\"$name\""*"\"protocol\":\"$protocol\""*) ;; *) echo "FAILED: $name $protocol"; exit 1 ;; esac
  checks=$((checks + 1))
}
check() {
  local name=$1 protocol=$2; shift 2
  expect "$name" "$protocol" "$(curl -sS --max-time 10 "$@")"
}
check Http HTTP/1.1 http://localhost:5000/
check Http HTTP/1.1 -g 'http://[::1]:5000/'
check Http HTTP/2.0 --http2-prior-knowledge http://localhost:5000/
check Http HTTP/2.0 --http2 http://localhost:5000/
check Https HTTP/2.0 --cacert "$pem" https://localhost:5001/
check Https HTTP/1.1 --http1.1 --cacert "$pem" https://localhost:5001/
check AllProtocols HTTP/2.0 --cacert "$pem" https://localhost:5003/
curl -sSI --max-time 10 --cacert "$pem" https://localhost:5003/ | grep -i '^alt-svc: h3=":5003"'
expect AllProtocols HTTP/3.0 "$(java -cp "$libraries" .ci/Http3Get.java https://localhost:5003/ "$pem" 2>"$work/http3.log" \
  || cat "$work/http3.log")"
check Internal HTTP/1.1 http://127.0.0.1:5002/
check Socket HTTP/1.1 --unix-socket /tmp/kestrel-sample.sock http://localhost/
echo "sample smoke test OK${1:+ ($1)}: $checks requests and the Alt-Svc header"
