#!/usr/bin/env bash
# Browser test of the console: a real headless Chromium at 1366×768 drives the warning journey
# (scripts/browser/journey.py) and saves a screenshot of each main page under
# .ci/artifacts/screenshots/ (cleaned at the start of every run).
#
# START is the one command that brings the platform up: `tocsin demo` (SQLite, simulated carriers,
# dispatch, console) in a throwaway folder; the journey reads the demo users from its
# demo-logins.txt and follows the warning to delivery, checks the ledger and lifts it (解除).
# TOCSIN=path/to/tocsin picks the binary (default: a release build, made unless SKIP_BUILD is set).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-18080}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tocsin-browser.XXXXXX")
TOCSIN=${TOCSIN:-"$ROOT/.build/release/tocsin"}
# The journey logs in a dozen times from one address: above the default 10 per minute.
START=${START:-"$TOCSIN demo --dir $WORK/demo --port $PORT --contacts 3000 --login-attempts 60"}
SHOTS="$ROOT/.ci/artifacts/screenshots"

need_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromedriver >/dev/null 2>&1 || ! { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }; then
  echo "== installing chromium and chromium-driver"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "== installing CJK fonts (the console is in Chinese)"
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk
fi
if ! python3 -c 'import selenium' 2>/dev/null; then
  echo "== installing selenium"
  python3 -m pip install -q selenium 2>/dev/null || python3 -m pip install -q --break-system-packages selenium
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building tocsin (release)"
  swift build -c release --product tocsin
fi

rm -rf "$SHOTS"
mkdir -p "$SHOTS"
echo "== starting: $START"
$START >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 300); do
  if grep -q '^console ' "$WORK/server.log"; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$WORK/server.log"; echo "the platform did not start"; exit 1; fi
  sleep 0.5
done
URL=$(sed -n 's/^console *\(http[^ ]*\).*/\1/p' "$WORK/server.log" | head -n 1)
URL=${URL%/console}
for _ in $(seq 1 60); do
  python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$URL/healthz" 2>/dev/null && break
  sleep 0.5
done
echo "== console at $URL"
python3 scripts/browser/journey.py --base "$URL" --logins "$WORK/demo/demo-logins.txt" --shots "$SHOTS" || { tail -20 "$WORK/server.log"; exit 1; }
echo "== screenshots in $SHOTS:"
ls -1 "$SHOTS"
