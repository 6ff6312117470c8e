#!/usr/bin/env bash
# The spike (issue 15), not a test: two published instances on one PostgreSQL database behind nginx running the shipped
# configuration (docs/deploy/nginx), then spike.py: normal rate, 60 s at 10x, normal again. Loopback only.
#   tests/LeakRights.Benchmarks/scripts/spike.sh PUBLISHED_APP_DIR [normal_rps] [burst_seconds]
# SPIKE_JOIN=on|off: instead of the spike, a second instance joins under load — the first instance warm, nginx in front of
# both ports, normal_rps for 40 s, and 5 s in the second instance starts with LeakRights:Performance:WarmUpBeforeListening
# on or off (per-second figures).
# The instances run the multi-instance settings of docs/deploy/leakrights.env.example (WarmUpBeforeListening on).
# Needs nginx (apt-get install nginx), PostgreSQL (.ci/postgres.sh installs and starts a private cluster), python3.
set -euo pipefail
app_dir=$(cd "$1" && pwd)
normal=${2:-100}
burst_seconds=${3:-60}
root=$(pwd)
here="${root}/tests/LeakRights.Benchmarks/scripts"
work=$(mktemp -d)
pids=()
# PostgreSQL: the private cluster of .ci/postgres.sh; stopped at the end unless it was already running before this script.
pg_env="${LEAKRIGHTS_PG_DIR:-/tmp/leakrights-pg}/env"
pg_started_here=true
[ -f "$pg_env" ] && pg_started_here=false
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "${work}/join.pid" ] && kill "$(cat "${work}/join.pid")" 2>/dev/null || true
  [ -f "${work}/nginx/nginx.pid" ] && kill "$(cat "${work}/nginx/nginx.pid")" 2>/dev/null || true
  if [ "$pg_started_here" = true ]; then "${root}/.ci/postgres.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

eval "$("${root}/.ci/postgres.sh" start)"
connection=$("${root}/.ci/postgres.sh" createdb "spike_$(date +%s)")
export ASPNETCORE_ENVIRONMENT=Production
export LeakRights__Database__Provider=PostgreSql ConnectionStrings__LeakRights="$connection"
export LeakRights__DataProtection__KeyEncryptionKey=$(head -c 32 /dev/urandom | base64)
export LeakRights__Security__KnownProxies__0=127.0.0.1 LeakRights__Security__SecureCookies=false
export AllowedHosts='*'
export DOTNET_TC_CallCountingDelayMs=0   # as the shipped systemd unit
export LeakRights__Performance__WarmUpBeforeListening=true   # as docs/deploy/leakrights.env.example
(cd "$app_dir" && dotnet LeakRights.Web.dll --migrate-only >/dev/null)

ports=(5101 5102)
join=${SPIKE_JOIN:-}
start_instance() { # port [env...]
  local p=$1; shift
  (cd "$app_dir" && exec env "$@" dotnet LeakRights.Web.dll --urls "http://127.0.0.1:${p}" >"${work}/app-${p}.log" 2>&1) &
  pids+=($!)
}
if [ -n "$join" ]; then
  start_instance "${ports[0]}" A=1
  until curl -fsS "http://127.0.0.1:${ports[0]}/readyz" >/dev/null 2>&1; do sleep 0.1; done
else
  for p in "${ports[@]}"; do start_instance "$p" A=1; done
  for p in "${ports[@]}"; do
    until curl -fsS "http://127.0.0.1:${p}/healthz" >/dev/null 2>&1; do sleep 0.1; done
  done
fi

# nginx with the shipped files, as the multi-instance test runs it.
mkdir -p "${work}/nginx/leakrights/errors" "${work}/nginx/logs"
cp "${root}/docs/deploy/nginx/errors/429.html" "${work}/nginx/leakrights/errors/"
servers=$(printf '    server 127.0.0.1:%s max_fails=2 fail_timeout=10s;\\n' "${ports[@]}")
sed -E "/^    server 127\.0\.0\.1:[0-9]+ /d; s|^upstream leakrights \{|upstream leakrights {\n${servers}|" \
  "${root}/docs/deploy/nginx/leakrights-http.conf" >"${work}/nginx/leakrights/leakrights-http.conf"
sed -e "s|/var/log/nginx/leakrights.access.log|${work}/nginx/logs/access.log|" -e "s|root /etc/nginx/leakrights;|root ${work}/nginx/leakrights;|" \
  "${root}/docs/deploy/nginx/leakrights-locations.conf" >"${work}/nginx/leakrights/leakrights-locations.conf"
nginx_port=5100
cat >"${work}/nginx/nginx.conf" <<EOF
worker_processes 1;
pid ${work}/nginx/nginx.pid;
error_log ${work}/nginx/logs/error.log;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path ${work}/nginx/body;
    proxy_temp_path ${work}/nginx/proxy;
    fastcgi_temp_path ${work}/nginx/fastcgi;
    uwsgi_temp_path ${work}/nginx/uwsgi;
    scgi_temp_path ${work}/nginx/scgi;
    include ${work}/nginx/leakrights/leakrights-http.conf;
    server {
        listen 127.0.0.1:${nginx_port};
        include ${work}/nginx/leakrights/leakrights-locations.conf;
    }
}
EOF
/usr/sbin/nginx -p "${work}/nginx" -c "${work}/nginx/nginx.conf" -g "user root;"
until curl -fsS "http://127.0.0.1:${nginx_port}/healthz" >/dev/null 2>&1; do sleep 0.1; done

# A plan link through the real forms (via nginx), and the API bodies of the golden scenarios.
link=$(python3 "${here}/plan-link.py" "${root}/seeds/scenarios/bank-insider-sold-data-with-fraud-loss.json" "http://127.0.0.1:${nginx_port}")
python3 - "${root}" >"${work}/bodies.json" <<'PY'
import glob, json, os, sys
root = sys.argv[1]
plans = [json.dumps({"answers": json.load(open(f, encoding="utf-8"))["answers"]}, ensure_ascii=False) for f in sorted(glob.glob(os.path.join(root, "seeds", "scenarios", "*.json")))]
print(json.dumps({"plans": plans, "pdf": plans[:1]}, ensure_ascii=False))
PY
if [ -n "$join" ]; then
  before_listening=$([ "$join" = on ] && echo true || echo false)
  (sleep 5; t=$(date +%s%N); start_instance "${ports[1]}" LeakRights__Performance__WarmUpBeforeListening="$before_listening"
   echo "${pids[-1]}" >"${work}/join.pid"
   until curl -fsS "http://127.0.0.1:${ports[1]}/healthz" >/dev/null 2>&1; do sleep 0.05; done
   h=$(( ($(date +%s%N) - t) / 1000000 ))
   until curl -fsS "http://127.0.0.1:${ports[1]}/readyz" >/dev/null 2>&1; do sleep 0.05; done
   echo "second instance (WarmUpBeforeListening=${before_listening}) started at second 5: port open after ${h} ms, ready after $(( ($(date +%s%N) - t) / 1000000 )) ms" >"${work}/join.txt") &
  python3 "${here}/spike.py" "http://127.0.0.1:${nginx_port}" "$link" "${work}/bodies.json" "$normal" 0 40 || status=$?
  cat "${work}/join.txt" 2>/dev/null || echo "second instance not ready within the run"
  echo "requests the second instance served: $(grep -c ' HTTP ' "${work}/app-${ports[1]}.log" || true); nginx errors connecting to it: $(grep -c "upstream: \"http://127.0.0.1:${ports[1]}" "${work}/nginx/logs/error.log" || true)"
  exit "${status:-0}"
fi
python3 "${here}/spike.py" "http://127.0.0.1:${nginx_port}" "$link" "${work}/bodies.json" "$normal" "$burst_seconds"
