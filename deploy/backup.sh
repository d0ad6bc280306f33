#!/usr/bin/env bash
# Backs up a running CareIoT state folder ($CAREIOT_STATE, default .state/) into one dated archive,
# owner-only (mode 0600): careiot-backup-YYYYMMDDTHHMMSSZ.tar.gz, one folder of the same name inside:
#
#   MANIFEST                what the archive holds, from which state folder, when, written by which versions
#   SHA256SUMS              every file's checksum (deploy/restore.sh checks them before it touches anything)
#   redis/dump.rdb          Redis as one snapshot (redis-cli --rdb): grain state, reminders
#   postgres/NAME.dump      pg_dump (custom format) of each database: journal, registry, users, audit
#   influxdb/NAME/          influxd backup -portable of each telemetry database
#   mosquitto/passwd        the broker's device accounts (platform accounts come from secrets/)
#   mosquitto/acl, platform.acl   the ACLs the broker ran with
#   tls/                    the deployment CA (key, certificate, database, CRL), server and device keys
#   secrets/                database and broker passwords, cookie keys, the initial admin's password
#
#   deploy/backup.sh [--output DIR] [--postgres-db NAME]... [--influx-db NAME]...
#
# DIR: default $CAREIOT_BACKUP_DIR, else $STATE/backups (copy the archive off the machine: it is the
# centre's whole memory and holds its keys). Databases: default every PostgreSQL database of the careiot
# role and every InfluxDB database but _internal; --postgres-db / --influx-db take only those (a part of a
# shared state folder, as the tests do). Prints the archive's path on stdout.
#
# Consistency: each store is read as one snapshot while the system runs. Redis is read first, then
# PostgreSQL: an alert goes to the journal before the grain state, so the restored journal is never older
# than the grain state that caches it. InfluxDB (telemetry) last. The broker's password file is copied
# under mosquitto-users.sh's lock and tls/ under the CA's lock, so no half-made change is saved.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

output="${CAREIOT_BACKUP_DIR:-$STATE/backups}"
pg_only=()
influx_only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="$2"; shift 2;;
    --postgres-db) pg_only+=("$2"); shift 2;;
    --influx-db) influx_only+=("$2"); shift 2;;
    *) die "unknown option $1 (see the header of $0)";;
  esac
done

status="$("$REPO/deploy/services.sh" status)"
for s in redis postgres influxdb; do
  grep -qx "$s running" <<< "$status" \
    || die "$s of $STATE is not running: a backup is read from the running services (deploy/services.sh start)"
done

umask 077
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
name="careiot-backup-$stamp"
mkdir -p "$output"
[ ! -e "$output/$name.tar.gz" ] || die "$output/$name.tar.gz exists already"
work="$(mktemp -d "$output/.$name.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/$name"
mkdir -p "$root/redis" "$root/postgres" "$root/influxdb" "$root/mosquitto"
manifest=()

# --- Redis: one snapshot, streamed as a replica would get it (the server's own files are not touched).
log "redis: snapshot"
redis_keys="$(redis-cli -p "$REDIS_PORT" dbsize)"
redis-cli -p "$REDIS_PORT" --rdb "$root/redis/dump.rdb" > "$work/redis.log" 2>&1 \
  || { cat "$work/redis.log" >&2; die "redis-cli --rdb failed"; }
manifest+=("redis redis/dump.rdb keys=$redis_keys")

# --- PostgreSQL: pg_dump of each database, as the postgres user over the state folder's socket.
pg_socket="$(service_dir postgres postgres)/socket"
pg_query() { runuser -u postgres -- psql -h "$pg_socket" -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -qtAX -c "$1"; }
if [ "${#pg_only[@]}" -gt 0 ]; then
  databases=("${pg_only[@]}")
else
  mapfile -t databases < <(pg_query "SELECT datname FROM pg_database WHERE NOT datistemplate
    AND datdba = (SELECT oid FROM pg_roles WHERE rolname = 'careiot') ORDER BY datname")
fi
[ "${#databases[@]}" -gt 0 ] || die "no PostgreSQL database of the careiot role to back up"
for db in "${databases[@]}"; do
  [[ "$db" =~ ^[A-Za-z0-9_]{1,63}$ ]] || die "bad database name '$db'"
  log "postgres: $db"
  runuser -u postgres -- "$(pg_bin)/pg_dump" -h "$pg_socket" -p "$PG_PORT" -d "$db" --format=custom > "$root/postgres/$db.dump" \
    || die "pg_dump of $db failed"
  manifest+=("postgres $db postgres/$db.dump")
done

# --- InfluxDB: influxd backup -portable per database, from the running influxd.
rpc="$(influx_rpc_address)" || die "cannot find the backup service of $STATE's influxd"
if [ "${#influx_only[@]}" -gt 0 ]; then
  databases=("${influx_only[@]}")
else
  mapfile -t databases < <(curl -sf -H 'Accept: application/csv' "http://127.0.0.1:$INFLUX_PORT/query" --data-urlencode 'q=SHOW DATABASES' \
    | awk -F, 'NR > 1 && $3 != "_internal" { print $3 }')
fi
for db in "${databases[@]}"; do
  [[ "$db" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || die "bad InfluxDB database name '$db'"
  log "influxdb: $db"
  influxd backup -portable -host "$rpc" -database "$db" "$root/influxdb/$db" > "$work/influxdb.log" 2>&1 \
    || { cat "$work/influxdb.log" >&2; die "influxd backup of $db failed"; }
  manifest+=("influxdb $db influxdb/$db")
done

# --- The broker's device accounts (under mosquitto-users.sh's lock) and ACLs.
broker="$(service_dir mosquitto mosquitto)"
[ -f "$broker/passwd" ] || die "no broker password file at $broker/passwd"
flock "$broker/passwd.lock" cp "$broker/passwd" "$root/mosquitto/passwd"
for f in acl platform.acl; do
  [ ! -f "$broker/$f" ] || cp "$broker/$f" "$root/mosquitto/$f"
done
manifest+=("mosquitto mosquitto/passwd accounts=$(grep -c . "$root/mosquitto/passwd" || true)")

# --- The deployment CA, server and device keys (under the CA's lock), and the generated secrets.
[ -s "$TLS_DIR/ca.key" ] || die "no CA in $TLS_DIR"
tls_lock
cp -a "$TLS_DIR" "$root/tls"
exec 7>&-
rm -f "$root/tls/.lock"
manifest+=("tls tls files=$(find "$root/tls" -type f | wc -l)")
cp -a "$SECRETS_DIR" "$root/secrets"
manifest+=("secrets secrets files=$(find "$root/secrets" -type f | wc -l)")

# --- MANIFEST, SHA256SUMS, the archive.
{
  echo "# CareIoT backup, written by deploy/backup.sh; deploy/restore.sh reads the lines below that do not start with '#'."
  echo "# redis: Redis snapshot (grain state, reminders; the Orleans membership is dropped on restore)"
  echo "# postgres NAME: pg_dump --format=custom of database NAME (journal, registry, users, audit)"
  echo "# influxdb NAME: influxd backup -portable of telemetry database NAME"
  echo "# mosquitto: the broker's device password file; mosquitto/acl and platform.acl are the ACLs it ran with"
  echo "# tls: the deployment CA, server and device keys and certificates, CA database and CRL (\$STATE/tls)"
  echo "# secrets: generated secrets (\$STATE/secrets): database and broker passwords, cookie keys, initial admin"
  echo "format 1"
  echo "created $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host $(hostname)"
  echo "state $STATE"
  echo "commit $(git -C "$REPO" rev-parse HEAD 2> /dev/null || echo unknown)"
  echo "versions postgresql=$(pg_query 'SHOW server_version' | cut -d' ' -f1)" \
    "redis=$(redis-cli -p "$REDIS_PORT" info server | tr -d '\r' | awk -F: '$1 == "redis_version" { print $2 }')" \
    "influxdb=$(influxd version | awk '{ print $2 }')" "mosquitto=$(mosquitto -h 2>&1 | awk 'NR == 1 { print $3 }')"
  printf '%s\n' "${manifest[@]}"
} > "$root/MANIFEST"
(cd "$root" && find . -type f -printf '%P\0' | sort -z | xargs -0 sha256sum) > "$work/SHA256SUMS"
mv "$work/SHA256SUMS" "$root/SHA256SUMS"
tar -C "$work" -czf "$work/$name.tar.gz" "$name"
chmod 600 "$work/$name.tar.gz"
mv "$work/$name.tar.gz" "$output/$name.tar.gz"
log "backup of $STATE in $output/$name.tar.gz ($(du -h "$output/$name.tar.gz" | cut -f1))"
printf '%s\n' "$output/$name.tar.gz"
