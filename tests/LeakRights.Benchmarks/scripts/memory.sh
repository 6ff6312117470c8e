#!/usr/bin/env bash
# Where an instance's memory is (issue 15), not a test: the published app, ready behind /readyz, under the load script's mixed
# requests, then its RSS by mapping (/proc/PID/smaps) and the GC's figures (dotnet-counters). One instance per setting, one
# after the other, so settings can be compared in one run. Loopback only.
#   tests/LeakRights.Benchmarks/scripts/memory.sh [seconds] [label:ENV=VALUE,ENV=VALUE ...]
#     seconds  of the mixed run, after a 3-second pass (default 30)
#     each further argument one instance: a label, then environment settings for it, e.g.
#       memory.sh 30 shipped "workstation:DOTNET_gcServer=0,DOTNET_gcConcurrent=0" "nopgo:DOTNET_TieredPGO=0"
# Environment: MEMORY_WORK=folder reuses a run's published build and prepared database; MEMORY_APP=folder measures that
# published build instead of publishing this tree. Needs wrk, python3, curl.
set -euo pipefail
trap 'echo "memory.sh: failed at line $LINENO" >&2' ERR
seconds=${1:-30}
shift || true
[ $# -gt 0 ] || set -- shipped
root=$(pwd)
here="${root}/tests/LeakRights.Benchmarks/scripts"
work=${MEMORY_WORK:-$(mktemp -d)}
port=5095
app_dir=${MEMORY_APP:-${work}/app}
pid=
trap 'kill "$pid" 2>/dev/null || true' EXIT

if [ ! -f "${app_dir}/LeakRights.Web.dll" ]; then
  echo "publishing the Release build (as shipped: ReadyToRun)…" >&2
  dotnet publish -c Release -o "$app_dir" src/LeakRights.Web >/dev/null
fi

export ASPNETCORE_ENVIRONMENT=Production
export LeakRights__RateLimits__PlansPerMinute=0 LeakRights__RateLimits__PdfPerMinute=0 LeakRights__RateLimits__SignInPerMinute=0 LeakRights__RateLimits__CasesPerMinute=0
export LeakRights__Security__SecureCookies=false
[ -f "${work}/kek" ] || head -c 32 /dev/urandom | base64 > "${work}/kek"
export LeakRights__DataProtection__KeyEncryptionKey=$(cat "${work}/kek")   # the prepared links open in every instance
export DOTNET_TC_CallCountingDelayMs=0   # as the shipped systemd unit

start() { # db [env...] -> pid; waits for /readyz
  local db=$1; shift
  (cd "$app_dir" && exec env ConnectionStrings__LeakRights="Data Source=${db}" "$@" dotnet LeakRights.Web.dll --urls "http://127.0.0.1:${port}" >>"${work}/app.log" 2>&1) &
  pid=$!
  until curl -fsS "http://127.0.0.1:${port}/healthz" >/dev/null 2>&1; do sleep 0.05; done
  while [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/readyz")" = 503 ]; do sleep 0.05; done
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; }

if [ ! -f "${work}/prepared.db" ]; then   # a database with the content, an admin, and the load script's requests
  start "${work}/prepared.db" LeakRights__Performance__WarmUp=false; stop
  echo "a long load-test password" | (cd "$app_dir" && ConnectionStrings__LeakRights="Data Source=${work}/prepared.db" dotnet LeakRights.Web.dll admin create loadtest --password-stdin) >/dev/null
  start "${work}/prepared.db" LeakRights__Performance__WarmUp=false
  python3 "${here}/prepare-load.py" "http://127.0.0.1:${port}" "$work" loadtest "a long load-test password" >/dev/null
  stop
fi

mb() { awk -v k="$1" '$1 == k":" {printf "%.0f", $2 / 1024}' "/proc/${pid}/status"; }
echo "| setting | RSS ready (MB) | RSS after the mixed run (MB) | peak (MB) | anonymous | file-backed | shared (JIT code) | GC committed (MB) | live: gen2 / large objects (MB) | req/s | p99 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for spec in "$@"; do
  label=${spec%%:*}; settings=()
  [[ "$spec" == *:* ]] && IFS=',' read -r -a settings <<<"${spec#*:}"
  cp "${work}/prepared.db" "${work}/run-${label}.db"
  start "${work}/run-${label}.db" "${settings[@]}"
  ready=$(mb VmRSS)
  wrk -t2 -c32 -d3s -s "${work}/mixed.lua" "http://127.0.0.1:${port}/" >/dev/null 2>&1 || true
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency -s "${work}/mixed.lua" "http://127.0.0.1:${port}/")
  after=$(mb VmRSS); peak=$(mb VmHWM); anon=$(mb RssAnon); file=$(mb RssFile); shmem=$(mb RssShmem)
  python3 "${here}/smaps-summary.py" "$pid" >"${work}/smaps-${label}.txt"
  (cd "$root" && dotnet tool run dotnet-counters -- collect -p "$pid" --duration 00:00:04 --format csv -o "${work}/counters-${label}.csv" >/dev/null 2>&1) || true
  gc=$(python3 "${here}/smaps-summary.py" --counters "${work}/counters-${label}.csv")
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "| ${label} | ${ready} | ${after} | ${peak} | ${anon} | ${file} | ${shmem} | ${gc} | ${rps} | ${p99} |"
  stop
done
echo
echo "Per mapping: ${work}/smaps-<label>.txt" >&2
