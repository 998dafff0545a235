#!/usr/bin/env bash
# The whole platform end to end through its JSON API: starts `tocsin demo` (SQLite, simulated
# CMPP/SGIP/SMGP carriers, dispatch, HTTP) in a throwaway folder on a free port, runs
# scripts/e2e/api_journey.py (draft → submit → self-approval refused → two approvals → every
# recipient has a final outcome → ledger → cancellation approved → original cancelled), then stops
# the demo with SIGINT and requires a clean exit.
#   scripts/e2e-api.sh [path/to/tocsin]
set -euo pipefail
cd "$(dirname "$0")/.."
TOCSIN="${1:-.build/debug/tocsin}"
[ -x "$TOCSIN" ] || { echo "e2e-api: $TOCSIN not built (swift build first)" >&2; exit 2; }
DIR="$(mktemp -d)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$TOCSIN" demo --dir "$DIR" --port "$PORT" --contacts 2000 >"$DIR/demo.log" 2>&1 &
DEMO=$!
trap 'kill -INT $DEMO 2>/dev/null || true; sleep 1; kill $DEMO 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 1 120); do grep -q "Ctrl-C" "$DIR/demo.log" && break; kill -0 $DEMO 2>/dev/null || break; sleep 1; done
grep -q "Ctrl-C" "$DIR/demo.log" || { cat "$DIR/demo.log"; echo "e2e-api: the demo did not come up" >&2; exit 1; }
python3 scripts/e2e/api_journey.py --base "http://127.0.0.1:$PORT" --logins "$DIR/demo-logins.txt" || { tail -20 "$DIR/demo.log"; exit 1; }
kill -INT $DEMO
for _ in $(seq 1 30); do kill -0 $DEMO 2>/dev/null || break; sleep 0.5; done
if kill -0 $DEMO 2>/dev/null; then echo "e2e-api: the demo did not stop within 15 s of SIGINT" >&2; exit 1; fi
wait $DEMO && grep -q "tocsin demo stopped" "$DIR/demo.log" || { tail -5 "$DIR/demo.log"; echo "e2e-api: the demo did not stop cleanly" >&2; exit 1; }
echo "e2e-api: PASS — demo up, journey done, clean stop"
