#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the tests (CI and developers alike).
#
#   eval "$(.ci/postgres.sh start)"   # starts it (installing Debian's postgresql if missing) and prints the export line
#   .ci/postgres.sh createdb NAME      # creates database NAME on it and prints that database's connection string
#   .ci/postgres.sh stop               # stops it and deletes its folder
#
# The cluster lives in $LEAKRIGHTS_PG_DIR (default /tmp/leakrights-pg), listens on 127.0.0.1 only, on a free port, with
# trust authentication for its one superuser 'leakrights'. It is tuned for tests (fsync off): never keep data in it.
# start prints: export LEAKRIGHTS_TEST_POSTGRES='Host=127.0.0.1;Port=…;Username=leakrights;Database=postgres'
set -euo pipefail

dir=${LEAKRIGHTS_PG_DIR:-/tmp/leakrights-pg}
command=${1:-}

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    return 1
  fi
  echo "$found"
}

# Runs a command as the cluster's owner: root may not run PostgreSQL, so as root that is the 'postgres' system user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port between 55432 and 55532" >&2
  return 1
}

case "$command" in
  start)
    if ! bin=$(bin_dir); then
      if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL's server is not installed (apt-get install postgresql)." >&2
        exit 1
      fi
      echo "installing Debian's postgresql" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql >/dev/null
      bin=$(bin_dir)
    fi

    if [ -f "$dir/env" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      # Already running (a second start): print the same line again.
      cat "$dir/env"
      exit 0
    fi

    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$dir"
    fi

    port=$(free_port)
    as_owner "$bin/initdb" -D "$dir/data" -U leakrights --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Tests create and drop a database per app host, each with a small connection pool: allow plenty of connections.
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2; then
      cat "$dir/server.log" >&2
      exit 1
    fi

    line="export LEAKRIGHTS_TEST_POSTGRES='Host=127.0.0.1;Port=${port};Username=leakrights;Database=postgres'"
    echo "$line" > "$dir/env"
    echo "$line"
    ;;
  createdb)
    name=${2:?usage: $0 createdb NAME}
    [ -f "$dir/env" ] || { echo "no cluster running in $dir (start it first)" >&2; exit 1; }
    port=$(sed -E 's/.*Port=([0-9]+).*/\1/' "$dir/env")
    psql -h 127.0.0.1 -p "$port" -U leakrights -d postgres -qc "CREATE DATABASE \"$name\"" >&2
    echo "Host=127.0.0.1;Port=${port};Username=leakrights;Database=${name}"
    ;;
  stop)
    if bin=$(bin_dir) && [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|createdb NAME|stop   (cluster folder: \$LEAKRIGHTS_PG_DIR, default /tmp/leakrights-pg)" >&2
    exit 2
    ;;
esac
