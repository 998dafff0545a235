#!/usr/bin/env bash
# Interoperability with an independent SMPP implementation: python-smpplib (PyPI) as ESME against
# `tocsin simulate smpp`. Installs smpplib if missing. Exits non-zero unless every submit is
# answered, every receipt arrives, and the simulator counted exactly what smpplib sent.
#   scripts/interop-smpplib.sh [path/to/tocsin]
set -euo pipefail
cd "$(dirname "$0")/.."
TOCSIN="${1:-.build/debug/tocsin}"
[ -x "$TOCSIN" ] || { echo "interop: $TOCSIN not built (swift build first)" >&2; exit 2; }
python3 -c "import smpplib" 2>/dev/null || python3 -m pip install -q smpplib==2.2.4
SINGLE=${SINGLE:-200}; LONG=${LONG:-20}

OUT="$(mktemp)"
"$TOCSIN" simulate smpp --port 0 --report-every 0 --report-delay-ms 50 --duration 120 >"$OUT" 2>&1 &
SIM=$!
trap 'kill -INT $SIM 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 1 100); do grep -q "simulating" "$OUT" && break; sleep 0.1; done
PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$OUT" | head -n 1)
[ -n "$PORT" ] || { cat "$OUT"; echo "interop: simulator did not start" >&2; exit 1; }

CLIENT=$(python3 scripts/interop/smpplib_esme.py --port "$PORT" --single "$SINGLE" --long "$LONG") || { echo "$CLIENT"; exit 1; }
echo "$CLIENT"
SENT=$(sed -n 's/.*sent=\([0-9]*\).*/\1/p' <<<"$CLIENT")
kill -INT $SIM; wait $SIM || true
FINAL=$(grep '^final:' "$OUT")
echo "simulator $FINAL"
ACCEPTED=$(sed -n 's/.* accepted=\([0-9]*\).*/\1/p' <<<"$FINAL")
DUPS=$(sed -n 's/.* duplicates=\([0-9]*\).*/\1/p' <<<"$FINAL")
SEGMENTS=$(sed -n 's/.* segments=\([0-9]*\).*/\1/p' <<<"$FINAL")
if [ "$ACCEPTED" -ne "$SENT" ] || [ "$SEGMENTS" -ne $((SENT - SINGLE)) ] || [ "$DUPS" -ne 0 ]; then
  echo "interop: FAIL — simulator accepted $ACCEPTED submit_sm ($SEGMENTS long-message segments), smpplib sent $SENT; duplicates $DUPS" >&2
  exit 1
fi
echo "interop: PASS — smpplib ↔ tocsin SMPP simulator: $ACCEPTED submit_sm accepted ($SEGMENTS UDH segments), all receipts delivered, 0 duplicates"
