#!/usr/bin/env bash
# A real browser, as a new user on a machine where Chromium never ran (issue #16): a fresh HOME without ~/.pki,
# README's two steps (kestrel-dev-certs https --trust, then the sample app), then headless Chromium loads
# https://localhost:5001/ over HTTP/2 and https://localhost:5003/ over HTTP/3 without a certificate error.
# Needs chromium and certutil (Debian: chromium, libnss3-tools); the fixed ports 5000-5003 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "chromium is not installed"; exit 1; }
command -v certutil >/dev/null || { echo "certutil is not installed"; exit 1; }
work=$(mktemp -d)
export HOME="$work/home"
mkdir -p "$HOME"
unset KESTREL_X509STORES_CURRENT_USER SSL_CERT_DIR || true
java_home=(-Duser.home="$HOME")
log="$work/sample.log"
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Step 1 of README: create and trust the development certificate.
# Partial trust (SSL_CERT_DIR not set for OpenSSL clients) exits non-zero; the browser's NSS database is what counts.
java "${java_home[@]}" -jar kestrel-dev-certs/target/kestrel-dev-certs.jar https --trust || true
[ -f "$HOME/.pki/nssdb/cert9.db" ] || { echo "FAILED: --trust did not create ~/.pki/nssdb"; exit 1; }

# Step 2: run the sample app.
java "${java_home[@]}" -jar sample-app/target/sample-app.jar >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 90); do
  grep -q "Started SampleApplication" "$log" && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "sample app exited"; exit 1; fi
  sleep 1
done

browse() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile-$1" \
    "${@:2}" --dump-dom "https://localhost:$1/" 2>"$work/chromium-$1.log" || true
}
expect() {
  local port=$1 endpoint=$2 protocol=$3 page=$4
  echo "https://localhost:$port/ -> $page"
  case "$page" in *"\"endpoint\":\"$endpoint\""*"\"protocol\":\"$protocol\""*) ;;
    *) echo "FAILED: Chromium did not load https://localhost:$port/ over $protocol"; tail -20 "$work/chromium-$port.log"; exit 1 ;;
  esac
}
# Control: the same browser with a HOME whose NSS database does not trust the certificate gets no page.
untrusted=$(mkdir -p "$work/untrusted" && HOME="$work/untrusted" browse 5001)
case "$untrusted" in *'"endpoint":'*) echo "FAILED: an untrusting Chromium loaded the page: $untrusted"; exit 1 ;; esac
echo "https://localhost:5001/ without trust -> no page (certificate error), as expected"
expect 5001 Https HTTP/2.0 "$(browse 5001)"
expect 5003 AllProtocols HTTP/3.0 "$(browse 5003 --enable-quic --origin-to-force-quic-on=localhost:5003)"
echo "chromium smoke test OK: h2 on 5001 and h3 on 5003 with the trusted development certificate"
