#!/usr/bin/env bash
# Adds or removes broker credentials and reloads our Mosquitto (SIGHUP: no restart, no dropped
# connections). Passwords are generated here and printed once on stdout as "USER PASSWORD";
# they are never logged.
#
#   deploy/mosquitto-users.sh add USER...      one generated password per user
#   deploy/mosquitto-users.sh remove USER...   revoke at once
set -euo pipefail
source "$(dirname "$0")/lib.sh"

dir="$(service_dir mosquitto mosquitto)"
passwd="$dir/passwd"
[ -f "$passwd" ] || die "no password file at $passwd: start the broker first (deploy/services.sh start mosquitto)"

command="${1:-}"; shift || true
[ $# -gt 0 ] || die "usage: mosquitto-users.sh add|remove USER..."
for user in "$@"; do
  [[ "$user" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || die "bad user name '$user'"
  # The platform's own accounts (careiot-ingest, …) are deploy/services.sh's alone: never issued,
  # reset or revoked here, whoever asks (the installers' API runs this script).
  [[ "${user,,}" != careiot-* ]] || die "'$user' is a platform account; deploy/services.sh manages it"
done

# One change at a time: installers may provision devices concurrently (the server runs this script).
exec 8>"$passwd.lock"
flock 8

case "$command" in
  add)
    for user in "$@"; do
      password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
      mosquitto_passwd -b "$passwd" "$user" "$password"
      printf '%s %s\n' "$user" "$password"
    done
    ;;
  remove)
    for user in "$@"; do mosquitto_passwd -D "$passwd" "$user" 2>/dev/null || true; done
    ;;
  *) die "usage: mosquitto-users.sh add|remove USER...";;
esac
chown mosquitto: "$passwd"; chmod 600 "$passwd"

# Ours by the state folder's pid file, whichever checkout started it (as in services.sh).
if is_ours mosquitto "mosquitto -c /"; then
  kill -HUP "$(cat "$RUN_DIR/mosquitto.pid")"
fi
