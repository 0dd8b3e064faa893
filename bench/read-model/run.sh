#!/usr/bin/env bash
# Read-model benchmark (issue 24): starts the Release server on a fresh database with the demo
# household, signs in as the demo user, and runs wrk against the positions and net-worth routes
# (64 connections and 1 connection, DURATION each), then times single writes (today and backdated).
#   dotnet build -c Release src/Glidepath.Server -p:SkipWebBuild=true
#   bench/read-model/run.sh [sqlite|postgres]     # postgres needs GLIDEPATH_TEST_POSTGRES (an admin connection string)
# Env: DURATION (default 30s), PORT (default 5099), CONNECTIONS (default "64 1").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
provider="${1:-sqlite}"
duration="${DURATION:-30s}"
port="${PORT:-5099}"
url="http://127.0.0.1:$port"
dll="${GLIDEPATH_SERVER_DLL:-$root/src/Glidepath.Server/bin/Release/net10.0/Glidepath.Server.dll}"
[[ -f "$dll" ]] || { echo "build first: dotnet build -c Release src/Glidepath.Server -p:SkipWebBuild=true" >&2; exit 1; }
data="$(mktemp -d)"
env_args=(
  "Urls=$url" "ASPNETCORE_ENVIRONMENT=Production" "Glidepath__SeedDemoData=true"
  "Encryption__Keys__1=$(head -c 32 /dev/urandom | base64)" "Encryption__ActiveKey=1"
  # The per-user API limit and read-cost budget would answer 429 to a load test: raised, not removed.
  "RateLimits__ApiPerMinute=100000000" "RateLimits__ReadCostPerMinute=100000000"
  "Logging__LogLevel__Default=Warning"
)
if [[ "$provider" == postgres ]]; then
  : "${GLIDEPATH_TEST_POSTGRES:?set GLIDEPATH_TEST_POSTGRES to an admin connection string}"
  dbname="glidepath_bench_$$"
  env_args+=("ConnectionStrings__Postgres=${GLIDEPATH_TEST_POSTGRES%;};Database=$dbname")
else
  env_args+=("ConnectionStrings__Sqlite=Data Source=$data/glidepath.db")
fi
(cd "$data" && exec env "${env_args[@]}" dotnet "$dll" >"$data/server.log" 2>&1) &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 240); do curl -sf "$url/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$url/health" >/dev/null || { cat "$data/server.log"; exit 1; }

token="$(curl -sf -H 'content-type: application/json' -d '{"email":"demo@glidepath.local","password":"glidepath demo household"}' "$url/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
auth="Authorization: Bearer $token"
household="$(curl -sf -H "$auth" "$url/api/households" | grep -oE '"id":"[0-9a-f-]{36}"' | head -1 | cut -d'"' -f4)"
today="$(date -u +%F)"
from="$(date -u -d "$today - 10 years" +%F)"
positions="$url/api/households/$household/positions"
networth="$url/api/households/$household/net-worth?from=$from&to=$today"
echo "provider=$provider household=$household range=$from..$today machine=$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "positions: $(curl -sf -H "$auth" "$positions" | wc -c) bytes; net-worth: $(curl -sf -H "$auth" "$networth" | wc -c) bytes"

for name in positions networth; do
  target="${!name}"
  for _ in 1 2 3; do curl -sf -o /dev/null -H "$auth" "$target"; done   # warm up
  for c in ${CONNECTIONS:-64 1}; do
    echo "== $name, $c connection(s), $duration"
    wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "$duration" --timeout 30s --latency -H "$auth" "$target" | grep -E 'Requests/sec|50%|90%|99%|Non-2xx|Socket errors|requests in'
  done
done

# Single writes: a buy today and a backdated buy ten years ago, each timed by curl (p50 of N).
account="$(curl -sf -H "$auth" "$url/api/households/$household/accounts" | grep -oE '"id":"[0-9a-f-]{36}"' | head -1 | cut -d'"' -f4)"
instrument="$(curl -sf -H "$auth" "$positions" | grep -oE '"instrumentId":"[0-9a-f-]{36}"' | head -1 | cut -d'"' -f4)"
time_writes() { # $1 label, $2 trade date
  local times=()
  for i in $(seq 1 "${WRITES:-21}"); do
    local body="{\"accountId\":\"$account\",\"type\":\"Deposit\",\"tradeDate\":\"$2\",\"amount\":1.00,\"currency\":\"USD\"}"
    times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$auth" -H 'content-type: application/json' -d "$body" "$url/api/households/$household/transactions")")
  done
  printf '%s\n' "${times[@]}" | grep -v '^201 ' | head -1 | sed 's/^/unexpected status: /' >&2 || true
  printf '%s\n' "${times[@]}" | cut -d' ' -f2 | sort -n | awk -v label="$1" '{a[NR]=$1} END {printf "== write %s: p50 %.1f ms, max %.1f ms (%d writes)\n", label, a[int((NR+1)/2)]*1000, a[NR]*1000, NR}'
}
time_writes "today" "$today"
time_writes "backdated 10 years" "$(date -u -d "$today - 3650 days" +%F)"
curl -sf -o /dev/null -w 'check after writes: net-worth %{http_code}\n' -H "$auth" "$networth"
