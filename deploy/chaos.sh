#!/usr/bin/env bash
# The long chaos run (the test command runs the short form): the same two-silo run with every fault
# held longer and InfluxDB down for three minutes. Prints the reconciliation and the worst
# press→console delay per fault; exits non-zero if an alarm was lost or duplicated.
#   deploy/chaos.sh [--hold SECONDS] [--influx-down SECONDS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
hold=30; influx_down=180
while [ $# -gt 0 ]; do
  case "$1" in
    --hold) hold="$2"; shift 2;;
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
# A press every 400 ms for the whole run: enough buttons for every fault and hold.
buttons=$(( (6 * hold + influx_down + 60) * 5 / 2 ))
CAREIOT_CHAOS_HOLD_SECONDS="$hold" CAREIOT_CHAOS_INFLUX_DOWN_SECONDS="$influx_down" CAREIOT_CHAOS_BUTTONS="$buttons" \
  dotnet test "$REPO/tests/CareIoT.IntegrationTests" -c Release --no-build -nologo --filter "Category=Chaos" \
  --logger "console;verbosity=detailed" | grep -E "presses|duplicated|telemetry|worst|SIGKILL|restart:|down [0-9]+ s:|Passed|Failed|Error"
