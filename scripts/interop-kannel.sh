#!/usr/bin/env bash
# Interoperability with Kannel (Debian's bearerbox + mtbatch), an independent SMPP client, as ESME
# against `tocsin simulate smpp`: N messages with receipts requested over a transceiver bind.
# Exits non-zero unless the simulator accepted exactly N submits, sent and had acknowledged N
# receipts, saw no duplicates, and bearerbox logged no SMPP error.
#   scripts/interop-kannel.sh [path/to/tocsin]      (N=2000 by default; apt-get install kannel kannel-extras)
set -euo pipefail
cd "$(dirname "$0")/.."
TOCSIN="${1:-.build/debug/tocsin}"
N=${N:-2000}
[ -x "$TOCSIN" ] || { echo "interop-kannel: $TOCSIN not built (swift build first)" >&2; exit 2; }
BEARERBOX=$(command -v bearerbox || echo /usr/sbin/bearerbox)
MTBATCH=$(command -v mtbatch || echo /usr/bin/mtbatch)
[ -x "$BEARERBOX" ] && [ -x "$MTBATCH" ] || { echo "interop-kannel: needs Debian's kannel and kannel-extras" >&2; exit 2; }

RUN="$(mktemp -d)"
SIM=""; BB=""
cleanup() {
  [ -n "$BB" ] && kill "$BB" 2>/dev/null && sleep 1 && kill "$BB" 2>/dev/null || true
  [ -n "$SIM" ] && kill -INT "$SIM" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$RUN"
}
trap cleanup EXIT
# bearerbox's status page, read with Python (curl may not be installed); empty when not up yet.
status() { python3 -c 'import sys, urllib.request
try: print(urllib.request.build_opener(urllib.request.ProxyHandler({})).open(sys.argv[1], timeout=2).read().decode("latin-1"))
except OSError: pass' "http://127.0.0.1:$ADMIN/status.txt?password=interop"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$TOCSIN" simulate smpp --port 0 --accounts kannel:kpass123 --window 16 --report-every 0 \
  --report-delay-ms 20 --ids decimal --duration 120 >"$RUN/sim.log" 2>&1 &
SIM=$!
for _ in $(seq 1 100); do grep -q "simulating" "$RUN/sim.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$RUN/sim.log" | head -n 1)
[ -n "$PORT" ] || { cat "$RUN/sim.log"; echo "interop-kannel: simulator did not start" >&2; exit 1; }

ADMIN=$(free_port); BOX=$(free_port)
cat >"$RUN/kannel.conf" <<CONF
group = core
admin-port = $ADMIN
admin-password = interop
status-password = interop
admin-interface = 127.0.0.1
admin-allow-ip = "127.0.0.1"
smsbox-port = $BOX
smsbox-interface = 127.0.0.1
box-deny-ip = "*.*.*.*"
box-allow-ip = "127.0.0.1"
log-file = "$RUN/bearerbox.log"
log-level = 2
dlr-storage = internal

group = smsc
smsc = smpp
smsc-id = tocsin
host = 127.0.0.1
port = $PORT
transceiver-mode = true
smsc-username = kannel
smsc-password = kpass123
system-type = ""
address-range = ""
max-pending-submits = 10
enquire-link-interval = 30
reconnect-delay = 2
wait-ack = 60
wait-ack-expire = 0x02
source-addr-ton = 1
source-addr-npi = 1
dest-addr-ton = 1
dest-addr-npi = 1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $BOX
CONF
"$BEARERBOX" -v 3 "$RUN/kannel.conf" >"$RUN/bearerbox.stderr" 2>&1 &
BB=$!
for _ in $(seq 1 150); do
  status | grep -q "(online" && break
  sleep 0.2
done
status | grep -q "(online" \
  || { tail -20 "$RUN/bearerbox.log"; echo "interop-kannel: bearerbox did not bind to the simulator" >&2; exit 1; }

python3 -c "import sys; [print('86138%08d' % i) for i in range($N)]" >"$RUN/receivers.txt"
printf 'Tocsin interop test 0123456789' >"$RUN/content.txt"
(cd "$RUN" && "$MTBATCH" -v 3 -b 127.0.0.1 -p "$BOX" -f 12379 -D 1 -u 'http://127.0.0.1:9/dlr' \
  content.txt receivers.txt >"$RUN/mtbatch.log" 2>&1) || { tail "$RUN/mtbatch.log"; echo "interop-kannel: mtbatch failed" >&2; exit 1; }

# Wait until bearerbox reports every message sent, then give the last receipts a moment.
for _ in $(seq 1 300); do
  STATUS=$(status)
  grep -q "sent $N" <<<"$STATUS" 2>/dev/null && break
  sleep 0.2
done
sleep 1
ERRORS=$(grep -c -E " PANIC: | ERROR: .*SMPP\[" "$RUN/bearerbox.log" || true)
kill "$BB" 2>/dev/null || true; sleep 1; kill "$BB" 2>/dev/null || true; wait "$BB" 2>/dev/null || true; BB=""
kill -INT "$SIM"; wait "$SIM" || true; SIM=""
FINAL=$(grep '^final:' "$RUN/sim.log")
echo "simulator $FINAL"
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$FINAL"; }
ACCEPTED=$(field accepted); DUPS=$(field duplicates)
SENT=$(sed -n 's/.* reports sent=\([0-9]*\).*/\1/p' <<<"$FINAL"); ACKED=$(sed -n 's/.* reports sent=[0-9]* acked=\([0-9]*\).*/\1/p' <<<"$FINAL")
if [ "$ACCEPTED" != "$N" ] || [ "$DUPS" != 0 ] || [ "$SENT" != "$N" ] || [ "$ACKED" != "$N" ] || [ "$ERRORS" != 0 ]; then
  grep -E "ERROR|PANIC" "$RUN/bearerbox.log" | head -5 || true
  echo "interop-kannel: FAIL — accepted $ACCEPTED of $N, duplicates $DUPS, receipts sent $SENT acked $ACKED, bearerbox SMPP errors $ERRORS" >&2
  exit 1
fi
echo "interop-kannel: PASS — Kannel $("$BEARERBOX" --version 2>&1 | grep -o 'version `[^'"'"']*' | head -1 | tr -d '`') ↔ tocsin SMPP simulator: $N submit_sm accepted, $N receipts acknowledged, 0 duplicates, no SMPP errors"
