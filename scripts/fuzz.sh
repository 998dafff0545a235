#!/usr/bin/env bash
# Fuzz one wire decoder with libFuzzer (Fuzz/README.md).
#
#   scripts/fuzz.sh PROTO [RUNS] [LIBFUZZER_FLAGS...]
#     PROTO  smpp (cmpp2, cmpp3, sgip, smgp once enabled in Fuzz/Package.swift)
#     RUNS   executions to run, default 10000000
#
# Builds Fuzz/ (release, -sanitize=fuzzer,address) into Fuzz/.build-fuzz, fuzzes a temporary copy
# of Fuzz/Corpus/PROTO, and prints libFuzzer's final statistics.
# Exit status: 0 after RUNS executions without a failure; libFuzzer's non-zero status when it
# found a failure (77, 70 for a timeout, 1 for an AddressSanitizer report; the input is left in
# Fuzz/artifacts/PROTO/); 3 when the time limit ended the run before RUNS executions.
#
# Environment:
#   FUZZ_MAX_TIME  seconds before libFuzzer stops regardless of RUNS (default 3600)
#   FUZZ_SANITIZE  swiftc -sanitize= value (default fuzzer,address; "fuzzer" builds ~2x faster
#                  harnesses without AddressSanitizer)
#   FUZZ_MAX_LEN   override the protocol's maximum input length
#   FUZZ_KEEP_CORPUS=1  keep the grown corpus directory instead of deleting it
# Only one fuzz run at a time on this machine (the cores are shared): a second run waits for
# the lock /tmp/tocsin-fuzz.lock.
set -euo pipefail

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 ]] || usage
proto="$1"; shift
runs="${1:-10000000}"; [[ $# -ge 1 ]] && shift
[[ "$runs" =~ ^[0-9]+$ ]] || usage

# Largest input worth generating per protocol: every mandatory body of the protocol fits with
# room for optional parameters and for a few PDUs back to back (the split check frames streams).
case "$proto" in
    smpp) max_len=1024 ;;   # largest mandatory submit_sm body is 348 bytes (smpp.md §1.1)
    cmpp2 | cmpp3 | sgip | smgp) max_len=4096 ;;  # submit with up to 100 destination numbers
    *) echo "unknown protocol '$proto' (smpp, cmpp2, cmpp3, sgip, smgp)" >&2; exit 2 ;;
esac
max_len="${FUZZ_MAX_LEN:-$max_len}"
max_time="${FUZZ_MAX_TIME:-3600}"
sanitize="${FUZZ_SANITIZE:-fuzzer,address}"

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
corpus="$fuzz/Corpus/$proto"
artifacts="$fuzz/artifacts/$proto"
[[ -d "$corpus" ]] || { echo "no seed corpus $corpus (Fuzz/Corpus/make-seeds.py)" >&2; exit 2; }
grep -q "^ *\"fuzz-$proto\"," "$fuzz/Package.swift" \
    || { echo "fuzz-$proto is not enabled in Fuzz/Package.swift (see Fuzz/README.md)" >&2; exit 2; }

exec 9>/tmp/tocsin-fuzz.lock
if ! flock -n 9; then
    echo "== another fuzz run holds /tmp/tocsin-fuzz.lock; waiting" >&2
    flock 9
fi

echo "== building fuzz-$proto (-sanitize=$sanitize)"
# -parse-as-library: the harness has no top-level code; its entry is libFuzzer's driver.
swift build --package-path "$fuzz" --scratch-path "$fuzz/.build-fuzz" -c release \
    -Xswiftc "-sanitize=$sanitize" -Xswiftc -parse-as-library --product "fuzz-$proto"
binary="$(swift build --package-path "$fuzz" --scratch-path "$fuzz/.build-fuzz" -c release \
    -Xswiftc "-sanitize=$sanitize" -Xswiftc -parse-as-library --show-bin-path)/fuzz-$proto"

work="$(mktemp -d "${TMPDIR:-/tmp}/tocsin-fuzz-$proto.XXXXXX")"
mkdir -p "$work/corpus" "$artifacts"
cp -R "$corpus/." "$work/corpus/"
touch "$work/started"
log="$artifacts/last-run.log"

echo "== fuzzing $proto: runs=$runs max_len=$max_len max_total_time=${max_time}s corpus copy $work/corpus"
set +e
# SWIFT_BACKTRACE=enable=no: otherwise the Swift runtime's crash handler owns SIGILL/SIGSEGV and
# libFuzzer never writes the crash file (the harness also re-executes itself to make sure).
SWIFT_BACKTRACE=enable=no "$binary" "$work/corpus" \
    -runs="$runs" -max_len="$max_len" -max_total_time="$max_time" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" 2>&1 \
    | tee "$log" | grep --line-buffered -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE)|^[[:space:]]+NEW_FUNC|# Uses: [0-9]+$'
status=${PIPESTATUS[0]}
set -e

executed="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
found="$(find "$artifacts" -type f -newer "$work/started" ! -name last-run.log)"
if [[ "${FUZZ_KEEP_CORPUS:-0}" == 1 ]]; then
    echo "== grown corpus kept in $work/corpus"
else
    rm -rf "$work"
fi
echo "== $proto: ${executed:-?} executions (asked $runs); full log $log"
if [[ $status -ne 0 ]]; then
    echo "== libFuzzer exited with status $status; failing input(s):" >&2
    echo "${found:-   (none written)}" | sed 's/^/   /' >&2
    exit "$status"
fi
if [[ -z "$executed" || "$executed" -lt "$runs" ]]; then
    echo "== time limit (${max_time}s) reached before $runs executions" >&2
    exit 3
fi
