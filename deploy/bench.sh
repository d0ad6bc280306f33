#!/usr/bin/env bash
# Benchmarks (not tests): print figures and a ratio against a baseline measured in the same run.
#   deploy/bench.sh [decode|journal|import|system|all] [--quick] [--seconds N] [--writes N] [--households N]
#   system: floor, ingest, press→console under load and memory with the real server (--quick: under 3 min;
#           --ingest-only: the floor and the ingest flood alone, for before/after comparisons of the cost per message;
#           --memory-only: the twins of 100,000 households and 50,000 beds alone, CAREIOT_BENCH_GCDUMP=dotnet-gcdump for a heap dump)
#   deploy/bench.sh baselines [--beds 5000] [--nights 14]   (the morning's baseline job over every bed's nights in
#           InfluxDB, on the real server; press→console p99 before and while it runs)
#   deploy/bench.sh influx [--points N] [--batch N]   (InfluxDB writes against raw POSTs of the same batches)
#   deploy/bench.sh dc09   (DC-09 frames parsed per second, plain and encrypted, against a CRC-only pass)
# PostgreSQL and InfluxDB are started here if they are not running, and stopped after.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# Pure CPU work, no services needed.
if [ "${1:-}" = "dc09" ]; then
  shift
  dotnet build "$REPO/tests/CareIoT.Dc09.Benchmarks" -c Release -nologo -v quiet > "$STATE/bench-build.log" 2>&1 || { cat "$STATE/bench-build.log"; die "build failed"; }
  dotnet "$REPO/tests/CareIoT.Dc09.Benchmarks/bin/Release/net10.0/CareIoT.Dc09.Benchmarks.dll" "$@"
  exit
fi
"$REPO/deploy/install.sh"
started="$("$REPO/deploy/services.sh" start | awk '/^STARTED/ {print $2}' | xargs)"
cleanup() {
  # What the system benchmark's server leaves behind: its cluster's grain state and reminders in Redis
  # (400,000 twins: a Redis AOF of hundreds of MB makes every later Redis restart seconds slower) and
  # its database. Only names of the benchmark's own (bench-*, careiot_bench_*).
  if redis-cli -p "$REDIS_PORT" ping > /dev/null 2>&1; then
    redis-cli -p "$REDIS_PORT" --scan --pattern 'bench-*' | xargs -r -n 500 redis-cli -p "$REDIS_PORT" unlink > /dev/null || true
    redis-cli -p "$REDIS_PORT" bgrewriteaof > /dev/null 2>&1 || true
  fi
  local socket="$STATE/postgres/socket" db
  if [ -S "$socket/.s.PGSQL.$PG_PORT" ]; then
    for db in $(runuser -u postgres -- psql -h "$socket" -p "$PG_PORT" -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'careiot\_bench\_%'" 2>/dev/null); do
      runuser -u postgres -- psql -h "$socket" -p "$PG_PORT" -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" > /dev/null 2>&1 || true
    done
  fi
  # shellcheck disable=SC2086
  [ -z "$started" ] || "$REPO/deploy/services.sh" stop $started
}
trap cleanup EXIT
if [ "${1:-all}" = "system" ] || [ "${1:-all}" = "all" ]; then
  # The Node-RED peer of the system benchmark, from npm into deploy/nodered (its lock file pins it).
  [ -f "$REPO/deploy/nodered/node_modules/node-red/red.js" ] \
    || (cd "$REPO/deploy/nodered" && npm ci --no-audit --no-fund --loglevel=error) || die "npm could not install Node-RED"
fi
if [ "${1:-}" = "influx" ]; then
  shift
  dotnet build "$REPO/tests/CareIoT.Telemetry.Benchmarks" -c Release -nologo -v quiet > "$STATE/bench-build.log" 2>&1 || { cat "$STATE/bench-build.log"; die "build failed"; }
  dotnet "$REPO/tests/CareIoT.Telemetry.Benchmarks/bin/Release/net10.0/CareIoT.Telemetry.Benchmarks.dll" "$@"
  exit
fi
dotnet build "$REPO/tests/CareIoT.Benchmarks" -c Release -nologo -v quiet > "$STATE/bench-build.log" 2>&1 || { cat "$STATE/bench-build.log"; die "build failed"; }
dotnet "$REPO/tests/CareIoT.Benchmarks/bin/Release/net10.0/CareIoT.Benchmarks.dll" "$@"
