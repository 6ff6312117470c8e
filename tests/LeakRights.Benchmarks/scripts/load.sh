#!/usr/bin/env bash
# Load test (not a test): wrk against the app and a baseline Razor page, both Release builds in Production, on this machine.
# Prints the table for docs/performance.md. Run from the repository root:
#   tests/LeakRights.Benchmarks/scripts/load.sh [seconds-per-scenario]      (default 10; the mixed run is 60 s)
# Needs: wrk (apt-get install wrk), python3, curl. Traffic goes only to 127.0.0.1.
set -euo pipefail
seconds=${1:-10}
connections=32
threads=2
root=$(pwd)
here="${root}/tests/LeakRights.Benchmarks/scripts"
work=$(mktemp -d)
app_port=5080
base_port=5081

echo "publishing Release builds…" >&2
dotnet publish -c Release -o "${work}/app" src/LeakRights.Web >/dev/null
dotnet publish -c Release -o "${work}/baseline" tests/LeakRights.Baseline >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export LeakRights__RateLimits__PlansPerMinute=0 LeakRights__RateLimits__PdfPerMinute=0 LeakRights__RateLimits__SignInPerMinute=0
export LeakRights__Security__SecureCookies=false   # plain http on 127.0.0.1: the scripts must get their cookies back
export ConnectionStrings__LeakRights="Data Source=${work}/load.db"

# Cold start: a fresh database is created, migrated and seeded before the first response.
start=$(date +%s%N)
(cd "${work}/app" && exec dotnet LeakRights.Web.dll --urls "http://127.0.0.1:${app_port}" >"${work}/app.log" 2>&1) &
app=$!
until curl -fsS "http://127.0.0.1:${app_port}/healthz" >/dev/null 2>&1; do sleep 0.02; done
cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
(cd "${work}/baseline" && exec dotnet LeakRights.Baseline.dll --urls "http://127.0.0.1:${base_port}" >"${work}/baseline.log" 2>&1) &
baseline=$!
trap 'kill $app $baseline 2>/dev/null || true' EXIT
until curl -fsS "http://127.0.0.1:${base_port}/" >/dev/null 2>&1; do sleep 0.05; done
# Admin account for the statute list, created by the CLI as in production.
echo "a long load-test password" | (cd "${work}/app" && dotnet LeakRights.Web.dll admin create loadtest --password-stdin) >/dev/null
app_pid=$(pgrep -f "LeakRights.Web.dll --urls http://127.0.0.1:${app_port}" | head -1)

python3 "${here}/prepare-load.py" "http://127.0.0.1:${app_port}" "${work}" loadtest "a long load-test password" >/dev/null
link=$(cat "${work}/plan-link.txt")

run() { # name url [lua] [duration]
  local name=$1 url=$2 lua=${3:-} dur=${4:-$seconds} out
  wrk -t${threads} -c${connections} -d${dur}s --latency ${lua:+-s "$lua"} "$url" >/dev/null 2>&1 || true   # warm-up pass
  out=$(wrk -t${threads} -c${connections} -d${dur}s --latency ${lua:+-s "$lua"} "$url")
  local rps p50 p99 non2xx sock
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$out"); sock=${sock:-0}
  echo "${name}|${rps}|${p50}|${p99}|$((non2xx + sock))"
}

results=()
results+=("$(run "baseline: template Razor page" "http://127.0.0.1:${base_port}/")")
results+=("$(run "landing page /" "http://127.0.0.1:${app_port}/")")
results+=("$(run "questionnaire step GET /check/1 (first visit)" "http://127.0.0.1:${app_port}/check/1")")
results+=("$(run "questionnaire step GET /check/1 (returning browser)" "http://127.0.0.1:${app_port}/check/1" "${work}/step-get-returning.lua")")
results+=("$(run "questionnaire step POST /check/1" "http://127.0.0.1:${app_port}/check/1" "${work}/step-post.lua")")
results+=("$(run "POST /api/v1/plans (18 scenarios)" "http://127.0.0.1:${app_port}/api/v1/plans" "${work}/plans.lua")")
results+=("$(run "plan page from its link" "http://127.0.0.1:${app_port}${link}")")
results+=("$(run "PDF, API (5 spec scenarios)" "http://127.0.0.1:${app_port}/api/v1/plans/pdf" "${work}/pdf-api.lua")")
results+=("$(run "PDF, plan page download" "http://127.0.0.1:${app_port}${link}" "${work}/pdf-page.lua")")
results+=("$(run "admin statute list" "http://127.0.0.1:${app_port}/admin/statutes" "${work}/admin.lua")")
mixed=$(run "mixed (60 s)" "http://127.0.0.1:${app_port}/" "${work}/mixed.lua" 60)
results+=("$mixed")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/${app_pid}/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/${app_pid}/status")

base_rps=$(cut -d'|' -f2 <<<"${results[0]}")
echo "| scenario | req/s | ratio to baseline | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
for r in "${results[@]}"; do
  IFS='|' read -r name rps p50 p99 errors <<<"$r"
  ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')
  echo "| ${name} | ${rps} | ${ratio} | ${p50} | ${p99} | ${errors} |"
done
echo
echo "cold start to first /healthz response (fresh database: create, migrate, seed): ${cold_ms} ms"
echo "app RSS after the mixed run: $((rss_kb / 1024)) MB (peak $((hwm_kb / 1024)) MB)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(dotnet --version) SDK; wrk -t${threads} -c${connections}"
