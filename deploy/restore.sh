#!/usr/bin/env bash
# Restores an archive of deploy/backup.sh into a state folder ($CAREIOT_STATE, default .state/), starts
# that state folder's services and loads the data into them. The services are left RUNNING (start the
# server on the state folder next: deploy/run.sh, or the systemd units); --stop stops them again.
#
#   deploy/restore.sh [--force] [--stop] ARCHIVE
#
# The state folder must be new or empty (nothing but a ports.env). --force restores over one that is not:
# its services are stopped (only those this project started) and everything in it is moved aside into
# $STATE/pre-restore-STAMP/ (nothing is deleted; remove it when the restore is confirmed).
#
# Beside a running system (a drill, a check of last night's archive), give the new state folder ports of
# its own; services.sh records them there (ports.env), so later commands on it need only CAREIOT_STATE:
#   CAREIOT_STATE=/srv/careiot-drill CAREIOT_MQTT_PORT=11883 CAREIOT_MQTT_PLATFORM_PORT=11884 \
#   CAREIOT_MQTTS_PORT=18883 CAREIOT_MQTT_CERT_PORT=18884 CAREIOT_REDIS_PORT=16380 CAREIOT_PG_PORT=15433 \
#   CAREIOT_INFLUX_PORT=18087 deploy/restore.sh /backups/careiot-backup-20250101T020000Z.tar.gz
#
# What is restored: secrets/ and tls/ as they were (same CA, same keys, same database passwords), the
# broker's device password file (every device logs in with its old password), Redis (grain state and
# reminders; the Orleans membership of the backed-up silos is dropped: they are not these), every
# PostgreSQL database of the archive (pg_restore --create) and every InfluxDB database (influxd restore
# -portable). The ACLs the broker ran with are kept in $STATE/restored/ for comparison: a broker always
# starts with the repository's (deploy/mosquitto.acl), as services.sh does. Messages the old broker had
# queued are not in a backup (devices resend what was not receipted). Prints "RESTORED ..." lines.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

force=no
stop=no
archive=""
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=yes; shift;;
    --stop) stop=yes; shift;;
    -*) die "unknown option $1 (see the header of $0)";;
    *) [ -z "$archive" ] || die "one archive only"; archive="$1"; shift;;
  esac
done
[ -n "$archive" ] || die "usage: restore.sh [--force] [--stop] ARCHIVE"
[ -r "$archive" ] || die "cannot read $archive"
archive="$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")"

# --- The state folder must hold nothing yet (a ports.env may name its ports).
state_in_use() {
  [ -d "$STATE" ] && [ -n "$(find "$STATE" -mindepth 1 -maxdepth 1 ! -name ports.env -print -quit)" ] && return 0
  [ -e "$(external_state_dir)" ]
}
if state_in_use; then
  [ "$force" = yes ] || die "$STATE is not empty: restore into a new or empty state folder, or give --force to set its contents aside"
  "$REPO/deploy/services.sh" stop >&2
  aside="$STATE/pre-restore-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$aside"
  find "$STATE" -mindepth 1 -maxdepth 1 ! -name ports.env ! -path "$aside" -exec mv -t "$aside" {} +
  if [ -e "$(external_state_dir)" ]; then mv "$(external_state_dir)" "$aside/external"; fi
  log "the state folder's former contents are in $aside"
fi
for port in "$MQTT_PORT" "$MQTT_PLATFORM_PORT" "$MQTTS_PORT" "$MQTT_CERT_PORT" "$REDIS_PORT" "$PG_PORT" "$INFLUX_PORT"; do
  port_open "$port" && die "port $port is taken: give the restored state folder ports of its own (see the header of $0)"
done

# --- Unpack (owner-only) and check every file against SHA256SUMS before anything is put in place.
work="$(mktemp -d "${TMPDIR:-/tmp}/careiot-restore.XXXXXX")"
# The state folder as services.sh makes it: the service users (postgres, mosquitto) must reach their folders.
mkdir -p "$RUN_DIR"
cleanup() {
  local code=$?
  stop_pid redis-restore "redis-server 127.0.0.1:$REDIS_PORT"
  rm -rf "$work"
  [ "$code" = 0 ] || log "the restore failed; services it started still run: CAREIOT_STATE=$STATE deploy/services.sh stop"
}
trap cleanup EXIT
tar -xzf "$archive" -C "$work" || die "cannot unpack $archive"
src="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'careiot-backup-*' -print -quit)"
[ -n "$src" ] && [ -f "$src/MANIFEST" ] && [ -f "$src/SHA256SUMS" ] || die "$archive is not a CareIoT backup (no MANIFEST and SHA256SUMS)"
(cd "$src" && sha256sum --check --quiet --strict SHA256SUMS) >&2 || die "$archive is damaged: a file does not match SHA256SUMS"
grep -qx 'format 1' "$src/MANIFEST" || die "$archive has a format this script does not know"
entries() { grep -E "^$1 " "$src/MANIFEST" || true; }
log "restoring $(basename "$src") (taken from $(awk '$1 == "state" { print $2 }' "$src/MANIFEST") on $(awk '$1 == "host" { print $2 }' "$src/MANIFEST")) into $STATE"

# --- Files: secrets and the CA first, so the services start with the old passwords and certificates.
cp -a "$src/secrets" "$SECRETS_DIR"
chmod 700 "$SECRETS_DIR"
cp -a "$src/tls" "$TLS_DIR"
broker="$(service_dir mosquitto mosquitto)"
install -m 600 -o mosquitto -g mosquitto "$src/mosquitto/passwd" "$broker/passwd"
mkdir -p "$STATE/restored"
cp "$src/MANIFEST" "$STATE/restored/MANIFEST"
for f in acl platform.acl; do
  [ ! -f "$src/mosquitto/$f" ] || cp "$src/mosquitto/$f" "$STATE/restored/mosquitto.$f"
done
echo "RESTORED secrets"
echo "RESTORED tls"
echo "RESTORED mosquitto $(grep -c . "$broker/passwd" || true) device accounts"

# --- Redis: the snapshot becomes the append-only file services.sh runs Redis with. Redis with
# appendonly yes and no such file starts empty (it ignores dump.rdb), so: load the snapshot without it,
# drop the Orleans membership, switch appendonly on (Redis writes the file from memory), shut down.
redis_dir="$(service_dir redis root)"
rdb="$(entries redis | awk '{ print $2 }')"
[ -n "$rdb" ] || die "the archive holds no Redis snapshot"
cp "$src/$rdb" "$redis_dir/dump.rdb"
spawn redis-restore "$redis_dir" /dev/null redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$redis_dir" \
  --dbfilename dump.rdb --appendonly no --save "" --daemonize no --logfile "$redis_dir/redis.log"
redis_ready() { [ "$(redis-cli -p "$REDIS_PORT" ping 2> /dev/null)" = PONG ]; }
wait_for 300 "redis loaded" redis_ready || die "redis did not load the snapshot; see $redis_dir/redis.log"
mapfile -t membership < <(redis-cli -p "$REDIS_PORT" --scan --pattern '*/members/*' | grep -E '^[^/]+/members/[^/]+$' || true)
[ "${#membership[@]}" -eq 0 ] || redis-cli -p "$REDIS_PORT" del "${membership[@]}" > /dev/null
redis-cli -p "$REDIS_PORT" config set appendonly yes > /dev/null
aof_written() {
  local info
  info="$(redis-cli -p "$REDIS_PORT" info persistence | tr -d '\r')"
  grep -qx 'aof_rewrite_in_progress:0' <<< "$info" && grep -qx 'aof_rewrite_scheduled:0' <<< "$info" \
    && grep -qx 'aof_last_bgrewrite_status:ok' <<< "$info" && [ -f "$redis_dir/appendonlydir/appendonly.aof.manifest" ]
}
wait_for 300 "redis append-only file" aof_written || die "redis did not write its append-only file; see $redis_dir/redis.log"
redis_keys="$(redis-cli -p "$REDIS_PORT" dbsize)"
redis-cli -p "$REDIS_PORT" shutdown > /dev/null 2>&1 || true
stop_pid redis-restore "redis-server 127.0.0.1:$REDIS_PORT"
rm -f "$redis_dir/dump.rdb"
echo "RESTORED redis $redis_keys keys (${#membership[@]} Orleans membership tables dropped)"

# --- The services of this state folder that hold its data, then the databases into them. (Its Prometheus
# starts with the next plain "services.sh start": metrics history is not part of a backup.)
"$REPO/deploy/services.sh" start mosquitto tlsproxy redis postgres influxdb >&2
pg_socket="$(service_dir postgres postgres)/socket"
while read -r _ db path; do
  [[ "$db" =~ ^[A-Za-z0-9_]{1,63}$ ]] || die "bad database name '$db' in the manifest"
  log "postgres: $db"
  runuser -u postgres -- "$(pg_bin)/pg_restore" -h "$pg_socket" -p "$PG_PORT" -d postgres --create --exit-on-error < "$src/$path" \
    || die "pg_restore of $db failed"
  echo "RESTORED postgres $db"
done < <(entries postgres)
rpc="$(influx_rpc_address)" || die "cannot find the restore service of $STATE's influxd"
while read -r _ db path; do
  [[ "$db" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || die "bad InfluxDB database name '$db' in the manifest"
  log "influxdb: $db"
  influxd restore -portable -host "$rpc" -db "$db" "$src/$path" > "$work/influxdb.log" 2>&1 \
    || { cat "$work/influxdb.log" >&2; die "influxd restore of $db failed"; }
  echo "RESTORED influxdb $db"
done < <(entries influxdb)

if [ "$stop" = yes ]; then
  "$REPO/deploy/services.sh" stop >&2
  log "restored into $STATE; its services are stopped (deploy/services.sh start)"
else
  log "restored into $STATE; its services run (stop them with CAREIOT_STATE=$STATE deploy/services.sh stop)"
fi
