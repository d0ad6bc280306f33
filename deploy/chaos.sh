#!/usr/bin/env bash
# The long chaos run (the test command runs the short form, one cycle): the same two-silo run,
# repeating every fault (a SIGKILL and a SIGSTOP of each part) for several cycles, with more time
# between faults and InfluxDB down longer, at a press every 400 ms: at least 2,000 presses. Prints
# the reconciliation and press→console p50/p99/worst per fault; exits non-zero if an alarm was lost,
# duplicated, not pushed, or later than 10 s on the console.
#   deploy/chaos.sh [--cycles N] [--hold SECONDS] [--hang SECONDS] [--influx-down SECONDS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cycles=5; hold=10; hang=5; influx_down=30
while [ $# -gt 0 ]; do
  case "$1" in
    --cycles) cycles="$2"; shift 2;;
    --hold) hold="$2"; shift 2;;
    --hang) hang="$2"; shift 2;;
    --influx-down) influx_down="$2"; shift 2;;
    *) die "unknown option $1";;
  esac
done
"$REPO/deploy/install.sh"
started="$("$REPO/deploy/services.sh" start | awk '/^STARTED/ {print $2}' | xargs)"
cleanup() {
  # shellcheck disable=SC2086
  [ -z "$started" ] || "$REPO/deploy/services.sh" stop $started
}
trap cleanup EXIT
dotnet build "$REPO/tests/CareIoT.IntegrationTests" -c Release -nologo -v quiet > "$STATE/chaos-build.log" 2>&1 || { cat "$STATE/chaos-build.log"; die "build failed"; }
# A press every 400 ms for the whole run: enough buttons for every fault (11 a cycle, each taking
# its hold and up to about 8 s) and the final hold.
buttons=$(( (cycles * (11 * (hold + 8) + influx_down + hang) + hold + 60) * 5 / 2 ))
CAREIOT_CHAOS_CYCLES="$cycles" CAREIOT_CHAOS_HOLD_SECONDS="$hold" CAREIOT_CHAOS_HANG_SECONDS="$hang" \
CAREIOT_CHAOS_INFLUX_DOWN_SECONDS="$influx_down" CAREIOT_CHAOS_BUTTONS="$buttons" \
  dotnet test "$REPO/tests/CareIoT.IntegrationTests" -c Release --no-build -nologo --filter "Category=Chaos" \
  --logger "console;verbosity=detailed" > "$STATE/chaos.log" 2>&1 || status=$?
# The whole output stays in the state folder; the summary lines (and any failure) are shown here.
grep -E "presses|duplicated|telemetry|worst|Passed|Failed|Error Message|Assert|later than|never" "$STATE/chaos.log" | grep -v "^\[xUnit" || true
exit "${status:-0}"
