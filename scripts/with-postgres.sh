#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1 and TOCSIN_TEST_POSTGRES_URL set,
# e.g.  scripts/with-postgres.sh swift test
# Installs Debian's postgresql package when the server binaries are missing (needs root or sudo).
# The cluster lives in a temporary folder and is stopped and removed when the command ends.
set -euo pipefail

# A free port unless TOCSIN_PG_PORT says which (several runs may share a machine).
PORT="${TOCSIN_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

BIN="$(find_bin || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/postgres" ]; then
  echo "with-postgres: installing PostgreSQL from Debian's packages…" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  BIN="$(find_bin)"
fi

DATA="$(mktemp -d /tmp/tocsin-pg.XXXXXX)"
# initdb refuses to run as root: run the server as the postgres user when we are root.
AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$DATA"
  AS=(runuser -u postgres --)
fi
cleanup() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DATA/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT INT TERM

"${AS[@]}" "$BIN/initdb" -D "$DATA/db" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
if ! "${AS[@]}" "$BIN/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA -c fsync=off -c max_connections=600" start >/dev/null; then
  echo "with-postgres: PostgreSQL did not start; its log:" >&2
  cat "$DATA/server.log" >&2
  exit 1
fi
export TOCSIN_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (TOCSIN_TEST_POSTGRES_URL set)" >&2
"$@"
