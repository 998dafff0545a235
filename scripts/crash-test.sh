#!/usr/bin/env bash
# SIGKILL the serving node at random moments during a large dispatch, restart it, repeat, and check
# with the simulators' counters that nobody was lost (docs/dispatch.md, "Crash test").
#   scripts/crash-test.sh [--tocsin PATH] [--contacts N] [--kills K] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/e2e/crash_test.py "$@"
