#!/usr/bin/env bash
# Runs multi-cloud-app's PostgreSQL end-to-end test against a real, throwaway server:
# installs Debian's postgresql (and libssl-dev, for duroxide-pg's TLS) when missing, starts a
# server as the `postgres` user on 127.0.0.1 with a free port in a temporary data directory,
# exports DUROXIDE_PG_URL, runs the app's tests with `--features postgres`, and stops and
# removes the server whatever happens.
#
# Usage: bash .ci/postgres.sh        (as root, as CI runs; or as any user who can run the
#                                     server binaries, in which case no runuser is needed)
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pg_config >/dev/null 2>&1 || need_apt+=(postgresql)
dpkg -s libssl-dev >/dev/null 2>&1 || need_apt+=(libssl-dev)
dpkg -s pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "installing ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Debian's server binaries are not on PATH; pg_config knows where they are.
bindir=$(pg_config --bindir)
if [ ! -x "$bindir/initdb" ]; then
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# PostgreSQL refuses to run as root: run it as `postgres` in a directory that user owns.
as_server_user=()
if [ "$(id -u)" = 0 ]; then
    as_server_user=(runuser -u postgres --)
fi
workdir=$(mktemp -d /tmp/duroxide-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres: "$workdir"
datadir="$workdir/data"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop_server() {
    "${as_server_user[@]}" "$bindir/pg_ctl" -D "$datadir" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap stop_server EXIT

"${as_server_user[@]}" "$bindir/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_server_user[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$workdir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$workdir -c max_connections=200 -c fsync=off" \
    start >/dev/null
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $datadir)"

export DUROXIDE_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
# The feature's own code is compiled only here, so it is linted here too.
cargo clippy -p multi-cloud-app --all-targets --features postgres -- -D warnings
cargo test -p multi-cloud-app --features postgres
