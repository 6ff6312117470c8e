#!/usr/bin/env bash
# Load test (not a test): wrk against the app and a baseline Razor page, Release builds published as shipped, in Production,
# on this machine. One command prints every table of docs/performance.md. Run from the repository root:
#   tests/LeakRights.Benchmarks/scripts/load.sh [seconds-per-scenario] [before-git-ref]
#     seconds-per-scenario  default 10 (after a warm-up pass of the same length; the mixed run is 60 s)
#     before-git-ref        also publish that commit and measure it in the same run ("before" columns), e.g. eea8dc8
# Environment: LOAD_SKIP_SPIKE=1 skips the spike (two instances + nginx + PostgreSQL, ~2 min);
#              LOAD_SKIP_SPEED=1 skips the time-to-speed curves.
# Needs: wrk (apt-get install wrk), python3, curl; for the spike nginx and PostgreSQL (.ci/postgres.sh). Loopback only.
set -euo pipefail
seconds=${1:-10}
before_ref=${2:-}
connections=32
threads=2
root=$(pwd)
here="${root}/tests/LeakRights.Benchmarks/scripts"
work=$(mktemp -d)
app_port=5080
base_port=5081
running=()
stop_all() { for p in "${running[@]}"; do kill "$p" 2>/dev/null || true; done; running=(); wait 2>/dev/null || true; }
trap 'stop_all; [ -n "$before_ref" ] && git -C "$root" worktree remove --force "${work}/before-src" 2>/dev/null || true' EXIT

echo "publishing Release builds…" >&2
dotnet publish -c Release -o "${work}/after" src/LeakRights.Web >/dev/null                                       # as shipped: ReadyToRun
dotnet publish -c Release -o "${work}/after-jit" -p:PublishReadyToRun=false src/LeakRights.Web >/dev/null       # the same code, JIT only
dotnet publish -c Release -o "${work}/baseline" tests/LeakRights.Baseline >/dev/null
variants=(after)
if [ -n "$before_ref" ]; then
  git -C "$root" worktree add --detach "${work}/before-src" "$before_ref" >/dev/null 2>&1
  (cd "${work}/before-src" && dotnet publish -c Release -o "${work}/before" src/LeakRights.Web >/dev/null)
  variants=(before after)
fi

export ASPNETCORE_ENVIRONMENT=Production
export LeakRights__RateLimits__PlansPerMinute=0 LeakRights__RateLimits__PdfPerMinute=0 LeakRights__RateLimits__SignInPerMinute=0 LeakRights__RateLimits__CasesPerMinute=0
export LeakRights__Security__SecureCookies=false   # plain http on 127.0.0.1: the scripts must get their cookies back
export LeakRights__DataProtection__KeyEncryptionKey=$(head -c 32 /dev/urandom | base64)

start_app() { # dir db [env...] -> sets app_pid; waits for /healthz
  local dir=$1 db=$2; shift 2
  (cd "$dir" && exec env ConnectionStrings__LeakRights="Data Source=${db}" "$@" dotnet LeakRights.Web.dll --urls "http://127.0.0.1:${app_port}" >>"${work}/app.log" 2>&1) &
  app_pid=$!
  running+=("$app_pid")
  until curl -fsS "http://127.0.0.1:${app_port}/healthz" >/dev/null 2>&1; do sleep 0.01; done
}
stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }

# Cold start with a fresh database (create, migrate, seed) for each build; the "after" one also becomes the prepared database.
declare -A cold
for v in "${variants[@]}"; do
  rm -f "${work}/cold-${v}.db"*
  start=$(date +%s%N)
  start_app "${work}/${v}" "${work}/cold-${v}.db" LeakRights__Performance__WarmUp=false
  cold[$v]=$(( ($(date +%s%N) - start) / 1000000 ))
  stop_app
done
cp "${work}/cold-after.db" "${work}/prepared.db"
# Admin account for the statute list, created by the CLI as in production; links, tokens and bodies through the real forms.
echo "a long load-test password" | (cd "${work}/after" && ConnectionStrings__LeakRights="Data Source=${work}/prepared.db" dotnet LeakRights.Web.dll admin create loadtest --password-stdin) >/dev/null
start_app "${work}/after" "${work}/prepared.db"
python3 "${here}/prepare-load.py" "http://127.0.0.1:${app_port}" "${work}" loadtest "a long load-test password" >/dev/null
stop_app
link=$(cat "${work}/plan-link.txt")

run() { # name url [lua] [duration] -> "name|rps|p50|p99|errors"
  local name=$1 url=$2 lua=${3:-} dur=${4:-$seconds} out
  wrk -t${threads} -c${connections} -d"$(( dur < 10 ? dur : 10 ))"s --latency ${lua:+-s "$lua"} "$url" >/dev/null 2>&1 || true   # warm-up pass
  out=$(wrk -t${threads} -c${connections} -d${dur}s --latency ${lua:+-s "$lua"} "$url")
  local rps p50 p99 non2xx sock
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  sock=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$out"); sock=${sock:-0}
  echo "${name}|${rps}|${p50}|${p99}|$((non2xx + sock))"
}

a="http://127.0.0.1:${app_port}"
scenarios=(
  "landing page /|${a}/|"
  "step GET /check/1 (first visit)|${a}/check/1|"
  "step GET /check/1 (returning browser)|${a}/check/1|${work}/step-get-returning.lua"
  "step POST /check/1|${a}/check/1|${work}/step-post.lua"
  "POST /api/v1/plans (18 scenarios)|${a}/api/v1/plans|${work}/plans.lua"
  "plan page from its link|${a}${link}|"
  "PDF, API (5 spec scenarios, all letters)|${a}/api/v1/plans/pdf|${work}/pdf-api.lua"
  "PDF, plan page download|${a}${link}|${work}/pdf-page.lua"
  "admin statute list|${a}/admin/statutes|${work}/admin.lua"
)
if [ -f "${work}/incident-path.txt" ]; then
  scenarios+=("incident page (output cache)|${a}$(cat "${work}/incident-path.txt")|")
fi

baseline_pid=
(cd "${work}/baseline" && exec dotnet LeakRights.Baseline.dll --urls "http://127.0.0.1:${base_port}" >"${work}/baseline.log" 2>&1) &
baseline_pid=$!
running+=("$baseline_pid")
until curl -fsS "http://127.0.0.1:${base_port}/" >/dev/null 2>&1; do sleep 0.05; done
baseline=$(run "baseline: template Razor page" "http://127.0.0.1:${base_port}/")
kill "$baseline_pid"; wait "$baseline_pid" 2>/dev/null || true
base_rps=$(cut -d'|' -f2 <<<"$baseline")

declare -A result rss hwm
for v in "${variants[@]}"; do
  cp "${work}/prepared.db" "${work}/run-${v}.db"
  start_app "${work}/${v}" "${work}/run-${v}.db"
  for s in "${scenarios[@]}"; do
    IFS='|' read -r name url lua <<<"$s"
    result["$v|$name"]=$(run "$name" "$url" "$lua")
  done
  result["$v|mixed (60 s)"]=$(run "mixed (60 s)" "${a}/" "${work}/mixed.lua" 60)
  rss[$v]=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/${app_pid}/status")
  hwm[$v]=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/${app_pid}/status")
  stop_app
done

echo "| scenario | before req/s | after req/s | after/before | after ratio to baseline | after p50 | after p99 | errors (before/after) |"
echo "|---|---|---|---|---|---|---|---|"
IFS='|' read -r _ brps bp50 bp99 berr <<<"$baseline"
echo "| baseline: template Razor page | | ${brps} | | 1.00 | ${bp50} | ${bp99} | ${berr} |"
for s in "${scenarios[@]}" "mixed (60 s)||"; do
  IFS='|' read -r name _ <<<"$s"
  IFS='|' read -r _ arps ap50 ap99 aerr <<<"${result["after|$name"]}"
  brps_v=""; berr_v=""; change=""
  if [ -n "$before_ref" ]; then
    IFS='|' read -r _ brps_v _ _ berr_v <<<"${result["before|$name"]}"
    change=$(awk -v a="$arps" -v b="$brps_v" 'BEGIN { if (b > 0) printf "%.2f×", a / b }')
  fi
  ratio=$(awk -v a="$arps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')
  echo "| ${name} | ${brps_v} | ${arps} | ${change} | ${ratio} | ${ap50} | ${ap99} | ${berr_v:+${berr_v}/}${aerr} |"
done
echo
for v in "${variants[@]}"; do
  echo "${v}: cold start to first /healthz (fresh database: create, migrate, seed): ${cold[$v]} ms; RSS after the mixed run ${rss[$v]} MB (peak ${hwm[$v]} MB)"
done

# Time to speed: a freshly started instance, then one-second wrk runs back to back; each second's throughput as a share of
# that build's steady figure above. Variants separate ReadyToRun, the start-up warm-up and tiered-PGO.
if [ -z "${LOAD_SKIP_SPEED:-}" ]; then
  curve() { # dir path [env...] -> "r1 r2 … r15"
    local dir=$1 path=$2; shift 2
    cp "${work}/prepared.db" "${work}/speed.db"
    start_app "$dir" "${work}/speed.db" "$@"
    local out="" r
    for _ in $(seq 1 15); do
      r=$(wrk -t${threads} -c${connections} -d1s "${a}${path}" | awk '/Requests\/sec/ {printf "%.0f", $2}')
      out="${out} ${r}"
    done
    stop_app
    echo "$out"
  }
  speed_variants=()
  [ -n "$before_ref" ] && speed_variants+=("before (JIT, no warm-up)|${work}/before|before|A=1")
  speed_variants+=(
    "after, JIT only, warm-up|${work}/after-jit|after|A=1"
    "after, ReadyToRun, no warm-up|${work}/after|after|LeakRights__Performance__WarmUp=false"
    "after, ReadyToRun + warm-up (shipped)|${work}/after|after|A=1"
    "after, ReadyToRun + warm-up, TieredPGO off|${work}/after|after|DOTNET_TieredPGO=0"
  )
  for page in "step GET /check/1 (first visit)|/check/1" "plan page from its link|${link}"; do
    IFS='|' read -r pname ppath <<<"$page"
    echo
    echo "time to speed: ${pname} — req/s in each of the first 15 seconds after start (share of that build's steady figure)"
    echo "| build | s1 | s2 | s3 | s4 | s5 | s6 | s8 | s10 | s15 | first second ≥ 80 % |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for sv in "${speed_variants[@]}"; do
      IFS='|' read -r label dir steady_of envs <<<"$sv"
      steady=$(cut -d'|' -f2 <<<"${result["${steady_of}|${pname}"]}")
      read -r -a c <<<"$(curve "$dir" "$ppath" $envs)"
      row="| ${label} (steady ${steady})"
      for i in 0 1 2 3 4 5 7 9 14; do
        row="${row} | ${c[$i]} ($(awk -v a="${c[$i]}" -v b="$steady" 'BEGIN { printf "%.0f%%", 100 * a / b }'))"
      done
      first=$(for i in "${!c[@]}"; do awk -v a="${c[$i]}" -v b="$steady" -v s=$((i + 1)) 'BEGIN { if (a >= 0.8 * b) print s }'; done | head -1)
      echo "${row} | ${first:-never} |"
    done
  done
fi

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(dotnet --version) SDK; wrk -t${threads} -c${connections}"

if [ -z "${LOAD_SKIP_SPIKE:-}" ]; then
  echo
  echo "spike: two instances (ReadyToRun + warm-up) on PostgreSQL behind nginx (shipped configuration)"
  "${here}/spike.sh" "${work}/after" 100 60
fi
