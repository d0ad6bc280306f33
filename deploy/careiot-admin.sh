#!/usr/bin/env bash
# Break glass, on the server itself: for when no admin can sign in (the last admin locked out, or
# disabled). Needs root on this machine, which the threat model trusts; every use is written to the
# audit log as actor "break-glass".
#
#   deploy/careiot-admin.sh unlock USER [--database NAME]   lift the lockout and re-enable the account
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command="${1:-}"; user="${2:-}"; database=careiot
shift 2 || true
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database="$2"; shift 2;;
    *) die "unknown option $1";;
  esac
done
[ "$command" = unlock ] && [ -n "$user" ] || die "usage: careiot-admin.sh unlock USER [--database NAME]"
[[ "$database" =~ ^[A-Za-z0-9_]{1,63}$ ]] || die "bad database name '$database'"

pg_root="$(service_dir postgres postgres)"
changed="$(runuser -u postgres -- psql -h "$pg_root/socket" -p "$PG_PORT" -d "$database" -v ON_ERROR_STOP=1 -qtA -v u="$user" <<'SQL'
WITH unlocked AS (
    UPDATE users SET failed_sign_ins = 0, locked_until = NULL, disabled_at = NULL WHERE username = :'u' RETURNING username
), audited AS (
    INSERT INTO audit_log (actor, action, target) SELECT 'break-glass', 'user.unlock', username FROM unlocked
)
SELECT count(*) FROM unlocked;
SQL
)"
[ "$changed" = 1 ] || die "no user '$user' in database $database"
log "unlocked and enabled '$user' (audited as break-glass)"
