#!/usr/bin/env bash
# Load test (not a test): wrk against the app and a baseline Razor page, Release builds published as shipped, in Production,
# on this machine. One command prints every table of docs/performance.md. Run from the repository root:
#   tests/LeakRights.Benchmarks/scripts/load.sh [seconds-per-scenario] [before-git-ref]
#     seconds-per-scenario  default 10 per pass, two passes per build alternating between builds (after a 3-second warm-up
#                           pass each); the mixed run is one 60-second pass per build
#     before-git-ref        also publish that commit and measure it in the same run ("before" columns), e.g. eea8dc8
# Environment: LOAD_SKIP_SPIKE=1 skips the spike (two instances + nginx + PostgreSQL, ~2 min);
#              LOAD_SKIP_SPEED=1 skips the time-to-speed curves.
# Needs: wrk (apt-get install wrk), python3, curl; for the spike nginx and PostgreSQL (.ci/postgres.sh). Loopback only.
set -euo pipefail
trap 'echo "load.sh: failed at line $LINENO" >&2' ERR
seconds=${1:-10}
before_ref=${2:-}
connections=32
threads=2
root=$(pwd)
here="${root}/tests/LeakRights.Benchmarks/scripts"
work=${LOAD_WORK:-$(mktemp -d)}   # LOAD_WORK=an earlier run's folder reuses its published builds
app_port=5080
base_port=5081
running=()
stop_all() { for p in "${running[@]}"; do kill "$p" 2>/dev/null || true; done; running=(); wait 2>/dev/null || true; }
trap 'stop_all; [ -n "$before_ref" ] && git -C "$root" worktree remove --force "${work}/before-src" 2>/dev/null || true' EXIT

variants=(after)
if [ ! -f "${work}/after/LeakRights.Web.dll" ]; then
echo "publishing Release builds…" >&2
dotnet publish -c Release -o "${work}/after" src/LeakRights.Web >/dev/null                                       # as shipped: ReadyToRun
dotnet publish -c Release -o "${work}/after-jit" -p:PublishReadyToRun=false src/LeakRights.Web >/dev/null       # the same code, JIT only
dotnet publish -c Release -o "${work}/baseline" tests/LeakRights.Baseline >/dev/null
fi
if [ -n "$before_ref" ] && [ -f "${work}/before/LeakRights.Web.dll" ]; then
  variants=(before after)
elif [ -n "$before_ref" ]; then
  git -C "$root" worktree add --detach "${work}/before-src" "$before_ref" >/dev/null 2>&1
  (cd "${work}/before-src" && dotnet publish -c Release -o "${work}/before" src/LeakRights.Web >/dev/null)
  variants=(before after)
fi

export ASPNETCORE_ENVIRONMENT=Production
export LeakRights__RateLimits__PlansPerMinute=0 LeakRights__RateLimits__PdfPerMinute=0 LeakRights__RateLimits__SignInPerMinute=0 LeakRights__RateLimits__CasesPerMinute=0
export LeakRights__Security__SecureCookies=false   # plain http on 127.0.0.1: the scripts must get their cookies back
export LeakRights__DataProtection__KeyEncryptionKey=$(head -c 32 /dev/urandom | base64)
export DOTNET_TC_CallCountingDelayMs=0   # as the shipped systemd unit (docs/deploy/systemd); applies to every build measured

start_app() { # dir db [env...] -> sets app_pid; waits for /healthz
  local dir=$1 db=$2; shift 2
  (cd "$dir" && exec env ConnectionStrings__LeakRights="Data Source=${db}" "$@" dotnet LeakRights.Web.dll --urls "http://127.0.0.1:${app_port}" >>"${work}/app.log" 2>&1) &
  app_pid=$!
  running+=("$app_pid")
  until curl -fsS "http://127.0.0.1:${app_port}/healthz" >/dev/null 2>&1; do sleep 0.01; done
  ready_ms=0
  if [ -z "${FROM_HEALTHZ:-}" ]; then   # then until ready: the warm-up has ended (/readyz 200; a build without it: 404)
    local t=$(date +%s%N)
    while [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${app_port}/readyz")" = 503 ]; do sleep 0.01; done
    ready_ms=$(( ($(date +%s%N) - t) / 1000000 ))
  fi
}
stop_app() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; }

# Cold start with a fresh database (create, migrate, seed) for each build; the "after" one also becomes the prepared database.
declare -A cold
for v in "${variants[@]}"; do
  rm -f "${work}/cold-${v}.db"*
  start=$(date +%s%N)
  FROM_HEALTHZ=1 start_app "${work}/${v}" "${work}/cold-${v}.db" LeakRights__Performance__WarmUp=false
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
  wrk -t${threads} -c${connections} -d3s ${lua:+-s "$lua"} "$url" >/dev/null 2>&1 || true   # warm-up pass (this page's code paths)
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
  "landing page /|/|"
  "step GET /check/1 (first visit)|/check/1|"
  "step GET /check/1 (returning browser)|/check/1|${work}/step-get-returning.lua"
  "step POST /check/1|/check/1|${work}/step-post.lua"
  "POST /api/v1/plans (18 scenarios)|/api/v1/plans|${work}/plans.lua"
  "plan page from its link|${link}|"
  "PDF, API (5 spec scenarios, all letters)|/api/v1/plans/pdf|${work}/pdf-api.lua"
  "PDF, plan page download|${link}|${work}/pdf-page.lua"
  "admin statute list|/admin/statutes|${work}/admin.lua"
)
if [ -f "${work}/incident-path.txt" ]; then
  scenarios+=("incident page (output cache)|$(cat "${work}/incident-path.txt")|")
fi
mixed_scenario=("mixed (60 s)|/|${work}/mixed.lua|60")
# LOAD_ONLY="name1;name2": measure only these scenarios (e.g. the two the time-to-speed curves need) and no mixed run.
if [ -n "${LOAD_ONLY:-}" ]; then
  kept=()
  for s in "${scenarios[@]}"; do [[ ";${LOAD_ONLY};" == *";${s%%|*};"* ]] && kept+=("$s"); done
  scenarios=("${kept[@]}"); mixed_scenario=()
fi

# The template page runs throughout and is measured inside every scenario's rounds, next to the builds: each ratio is to
# the baseline of the same minutes (this VM's speed drifts by up to 2x from one minute to the next; issue 15).
(cd "${work}/baseline" && exec dotnet LeakRights.Baseline.dll --urls "http://127.0.0.1:${base_port}" >"${work}/baseline.log" 2>&1) &
running+=("$!")
until curl -fsS "http://127.0.0.1:${base_port}/" >/dev/null 2>&1; do sleep 0.05; done

# Every build runs at once on its own port (each on its own copy of the prepared database); the scenarios alternate between
# them (before, after, before, after) so that a slower or faster minute of this shared machine falls on both alike. Each
# build's figure is the mean of its two passes.
declare -A result rss hwm port_of pid_of
p=$app_port
for v in "${variants[@]}"; do
  cp "${work}/prepared.db" "${work}/run-${v}.db"
  app_port=$p start_app "${work}/${v}" "${work}/run-${v}.db"
  port_of[$v]=$p; pid_of[$v]=$app_pid; p=$((p + 2))
done
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) ; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
mean() { # two "name|rps|p50|p99|errors" -> "name|mean rps|larger p50|larger p99|summed errors"
  local n r1 a1 b1 e1 r2 a2 b2 e2
  IFS='|' read -r n r1 a1 b1 e1 <<<"$1"; IFS='|' read -r _ r2 a2 b2 e2 <<<"$2"
  local p50 p99
  p50=$(awk -v x="$(to_ms "$a1")" -v y="$(to_ms "$a2")" 'BEGIN { printf "%.2fms", (x > y ? x : y) }')
  p99=$(awk -v x="$(to_ms "$b1")" -v y="$(to_ms "$b2")" 'BEGIN { printf "%.2fms", (x > y ? x : y) }')
  echo "${n}|$(( (r1 + r2) / 2 ))|${p50}|${p99}|$((e1 + e2))"
}
for s in "${scenarios[@]}" "${mixed_scenario[@]}"; do
  IFS='|' read -r name path lua dur <<<"$s"
  declare -A pass1=()
  rounds=2; [ -n "$dur" ] && rounds=1   # the 60-second mixed run: one pass per build
  for round in $(seq 1 "$rounds"); do
    for v in base "${variants[@]}"; do
      if [ "$v" = base ]; then
        out=$(run "baseline" "http://127.0.0.1:${base_port}/" "" "${seconds}")
      else
        out=$(run "$name" "http://127.0.0.1:${port_of[$v]}${path}" "$lua" "${dur:-$seconds}")
      fi
      if [ "$rounds" = 1 ]; then result["$v|$name"]=$out; elif [ "$round" = 1 ]; then pass1[$v]=$out; else result["$v|$name"]=$(mean "${pass1[$v]}" "$out"); fi
    done
  done
done
for v in "${variants[@]}"; do
  rss[$v]=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/${pid_of[$v]}/status")
  hwm[$v]=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/${pid_of[$v]}/status")
  kill "${pid_of[$v]}"; wait "${pid_of[$v]}" 2>/dev/null || true
done

echo "| scenario | template page req/s (same rounds) | before req/s | after req/s | after/before | after ratio to template | after p50 | after p99 | errors (before/after) |"
echo "|---|---|---|---|---|---|---|---|---|"
for s in "${scenarios[@]}" "${mixed_scenario[@]}"; do
  IFS='|' read -r name _ <<<"$s"
  IFS='|' read -r _ arps ap50 ap99 aerr <<<"${result["after|$name"]}"
  IFS='|' read -r _ base_rps _ _ _ <<<"${result["base|$name"]}"
  brps_v=""; berr_v=""; change=""
  if [ -n "$before_ref" ]; then
    IFS='|' read -r _ brps_v _ _ berr_v <<<"${result["before|$name"]}"
    change=$(awk -v a="$arps" -v b="$brps_v" 'BEGIN { if (b > 0) printf "%.2f×", a / b }')
  fi
  ratio=$(awk -v a="$arps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')
  echo "| ${name} | ${base_rps} | ${brps_v} | ${arps} | ${change} | ${ratio} | ${ap50} | ${ap99} | ${berr_v:+${berr_v}/}${aerr} |"
done
echo
for v in "${variants[@]}"; do
  echo "${v}: cold start to first /healthz (fresh database: create, migrate, seed): ${cold[$v]} ms; RSS after the mixed run ${rss[$v]} MB (peak ${hwm[$v]} MB)"
done

# Time to speed: a freshly started instance, then one-second wrk runs back to back; each second's throughput as a share of
# that build's steady figure above. Variants separate ReadyToRun, the start-up warm-up and tiered-PGO.
if [ -z "${LOAD_SKIP_SPEED:-}" ]; then
  curve() { # dir path [env...] -> "r1 r2 … r15"  (FROM_HEALTHZ=1: load from the first /healthz, else from /readyz)
    local dir=$1 path=$2; shift 2
    cp "${work}/prepared.db" "${work}/speed.db"
    local t0=$(date +%s%N)
    start_app "$dir" "${work}/speed.db" "$@"
    echo "$(( ($(date +%s%N) - t0) / 1000000 )) ms from start to the first request" >>"${work}/speed-starts.txt"
    local out="" r
    for _ in $(seq 1 15); do
      r=$(wrk -t${threads} -c${connections} -d1s "${a}${path}" | awk '/Requests\/sec/ {printf "%.0f", $2}' || true)
      out="${out} ${r}"
    done
    stop_app
    echo "$out"
  }
  # label|dir|steady figure of|from (healthz: load at the first /healthz, as an instance behind a balancer without readiness
  # checks; readyz: load once /readyz says ready, as behind one that has them)|env
  speed_variants=()
  [ -n "$before_ref" ] && speed_variants+=("before (JIT, no warm-up), from /healthz|${work}/before|before|healthz|A=1")
  speed_variants+=(
    "after, ReadyToRun, no warm-up, from /healthz|${work}/after|after|healthz|LeakRights__Performance__WarmUp=false"
    "after, ReadyToRun + warm-up, from /healthz|${work}/after|after|healthz|A=1"
    "after, ReadyToRun + warm-up before listening, from /healthz (multi-instance setting)|${work}/after|after|healthz|LeakRights__Performance__WarmUpBeforeListening=true"
    "after, JIT only + warm-up, from /readyz|${work}/after-jit|after|readyz|A=1"
    "after, ReadyToRun + warm-up, from /readyz (shipped)|${work}/after|after|readyz|A=1"
    "after, ReadyToRun + warm-up, TieredPGO on, from /readyz|${work}/after|after|readyz|DOTNET_TieredPGO=1"
  )
  for page in "step GET /check/1 (first visit)|/check/1" "plan page from its link|${link}"; do
    IFS='|' read -r pname ppath <<<"$page"
    echo
    echo "time to speed: ${pname} — req/s in each of the first 15 seconds after start (share of that build's steady figure)"
    echo "| build | s1 | s2 | s3 | s4 | s5 | s6 | s8 | s10 | s15 | first second ≥ 80 % |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for sv in "${speed_variants[@]}"; do
      IFS='|' read -r label dir steady_of from envs <<<"$sv"
      steady=$(cut -d'|' -f2 <<<"${result["${steady_of}|${pname}"]}")
      if [ "$from" = healthz ]; then read -r -a c <<<"$(FROM_HEALTHZ=1 curve "$dir" "$ppath" $envs)"; else read -r -a c <<<"$(curve "$dir" "$ppath" $envs)"; fi
      label="${label}; first request $(tail -1 "${work}/speed-starts.txt" | cut -d' ' -f1) ms after start"
      row="| ${label} (steady ${steady})"
      for i in 0 1 2 3 4 5 7 9 14; do
        row="${row} | ${c[$i]:-0} ($(awk -v a="${c[$i]:-0}" -v b="$steady" 'BEGIN { printf "%.0f%%", 100 * a / b }'))"
      done
      first=$(printf '%s\n' "${c[@]}" | awk -v b="$steady" '!found && $1 >= 0.8 * b { print NR; found = 1 }')
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
