#!/usr/bin/env bash
# Benchmarks (not tests): print figures and a ratio against a baseline measured in the same run.
#   deploy/bench.sh [--seconds N]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dotnet build "$REPO/tests/CareIoT.Benchmarks" -c Release -nologo -v quiet > /dev/null
exec dotnet "$REPO/tests/CareIoT.Benchmarks/bin/Release/net10.0/CareIoT.Benchmarks.dll" "$@"
