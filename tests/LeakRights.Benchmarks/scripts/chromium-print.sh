#!/usr/bin/env bash
# Times headless Chromium printing each spec scenario's plan page to PDF (median of 5 cold runs), for docs/performance.md.
# Needs Debian's chromium and fonts-noto-cjk, python3 and poppler-utils (pdfinfo). Run from the repository root:
#   tests/LeakRights.Benchmarks/scripts/chromium-print.sh
set -euo pipefail
root=$(pwd)
work=$(mktemp -d)
dotnet build -c Release src/LeakRights.Web >/dev/null
export LeakRights__DataProtection__KeyEncryptionKey=$(head -c 32 /dev/urandom | base64)
(cd src/LeakRights.Web && ASPNETCORE_ENVIRONMENT=Production LeakRights__Security__SecureCookies=false ConnectionStrings__LeakRights="Data Source=${work}/bench.db" \
  dotnet bin/Release/net10.0/LeakRights.Web.dll --urls http://127.0.0.1:5099 >"${work}/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -fsS http://127.0.0.1:5099/healthz >/dev/null 2>&1 && break; sleep 1; done
echo "scenario | chromium median ms | bytes | pages"
for s in bank-insider-sold-data-with-fraud-loss courier-waybill-leak-spam-calls-only unknown-source-id-and-phone-sold-online \
         app-leaked-face-data-of-many-users-in-news police-officer-leaked-home-address-to-harasser; do
  link=$(python3 "${root}/tests/LeakRights.Benchmarks/scripts/plan-link.py" "seeds/scenarios/${s}.json" http://127.0.0.1:5099)
  times=()
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync \
      --no-first-run --no-pdf-header-footer --print-to-pdf="${work}/plan.pdf" "http://127.0.0.1:5099${link}" >/dev/null 2>&1
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  echo "${s} | ${median} | $(stat -c %s "${work}/plan.pdf") | $(pdfinfo "${work}/plan.pdf" | awk '/Pages/ {print $2}')"
done
