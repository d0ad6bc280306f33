#!/usr/bin/env bash
# Installs what CareIoT needs and is missing, from Debian's packages. Idempotent; run as root.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PACKAGES=(mosquitto mosquitto-clients haproxy redis-server postgresql influxdb prometheus chromium fonts-wqy-zenhei openssl curl)
# The console's browser libraries come from npm: take Debian's Node.js when the machine has none.
command -v npm >/dev/null || PACKAGES+=(nodejs npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "installing ${missing[*]} needs root"
  log "installing: ${missing[*]}"
  # The packages would start system-wide daemons on the default ports; we run our own instances
  # instead, so forbid service starts during this install (only if no policy is in place already).
  policy=/usr/sbin/policy-rc.d
  ours=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; ours=1
  fi
  trap '[ "$ours" = 1 ] && rm -f "$policy"' EXIT
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH (the console's browser libraries come from npm)"
[ -n "$(pg_bin)" ] || die "PostgreSQL binaries not found under /usr/lib/postgresql"
log "prerequisites present"
