#!/usr/bin/env bash
# Starts, stops or reports the services CareIoT runs on: Mosquitto, Redis, PostgreSQL (and
# InfluxDB). Each runs as a plain process on 127.0.0.1 with its data under the state folder
# ($CAREIOT_STATE, default .state/ in the repository).
#
#   deploy/services.sh start [NAME...]   start those not running; prints "STARTED NAME" for each it started
#   deploy/services.sh stop [NAME...]    stop those this project started (never anything else)
#   deploy/services.sh status
#   deploy/services.sh supervise [NAME...]   until killed: every second, start again any of those that this
#                                        project started and that died (a crash, an OOM kill) — never one
#                                        stopped on purpose (stop removes its pid file or marker)
#   deploy/services.sh signal KILL|STOP|CONT NAME...   fault injection for the chaos run: the signal goes
#                                        to the service's processes this project started (PostgreSQL:
#                                        the postmaster and its children), as a crash or a hang would
#
# NAME is one of: mosquitto tlsproxy redis postgres influxdb prometheus. Default: all six. tlsproxy is the TLS
# front of the broker for devices on the network (HAProxy, deploy/haproxy.cfg).
#
# Ports: the defaults of deploy/lib.sh, or CAREIOT_MQTT_PORT, CAREIOT_MQTT_PLATFORM_PORT, CAREIOT_MQTTS_PORT,
# CAREIOT_MQTT_CERT_PORT, CAREIOT_REDIS_PORT, CAREIOT_PG_PORT, CAREIOT_INFLUX_PORT for a second system beside
# the first (its own state folder); start records them in $CAREIOT_STATE/ports.env for later commands.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DEFAULT_SERVICES=(mosquitto tlsproxy redis postgres influxdb prometheus)
mkdir -p "$RUN_DIR"

# --- Mosquitto ---------------------------------------------------------------------------------
# Ours = the pid in this state folder's pid file is a broker started with a config file. The checkout's
# path is not part of the test: a worktree of the same repository sharing this state folder must see
# the running broker as running (and never start a second one over its pid file).
MOSQUITTO_PATTERN="mosquitto -c /"
mosquitto_running() { is_ours mosquitto "$MOSQUITTO_PATTERN"; }
mosquitto_start() {
  local dir port
  dir="$(service_dir mosquitto mosquitto)"
  for port in "$MQTT_PORT" "$MQTT_PLATFORM_PORT"; do
    port_open "$port" && die "port $port is taken by a process this project did not start"
  done
  # The ACLs come from the repository (which also drops the denials of deploy/device-cert.sh revoke:
  # a fresh broker holds no connection of a revoked device). The device password file holds every
  # device and gateway added since; the platform's accounts live in a file of their own, written here
  # alone, for the platform's own listener (and never in the device file: an older one is cleaned).
  cp "$REPO/deploy/mosquitto.acl" "$dir/acl"
  cp "$REPO/deploy/mosquitto-platform.acl" "$dir/platform.acl"
  [ -f "$dir/passwd" ] || : > "$dir/passwd"
  mosquitto_passwd -D "$dir/passwd" careiot-ingest > /dev/null 2>&1 || true
  : > "$dir/platform.passwd"
  mosquitto_passwd -b "$dir/platform.passwd" careiot-ingest "$(secret mqtt-ingest.pw)"
  chown mosquitto: "$dir/acl" "$dir/passwd" "$dir/platform.acl" "$dir/platform.passwd"; chmod 600 "$dir/passwd" "$dir/platform.passwd"
  # The broker once held the TLS listeners itself (certificates in tls/, listeners in listeners.d/).
  rm -rf "$dir/listeners.d" "$dir/tls"
  local socket="$dir/$CERT_DEVICE_SOCKET"
  [ "${#socket}" -lt 100 ] || die "the broker's socket path $socket is too long for a Unix socket: set CAREIOT_STATE to a shorter folder"
  rm -f "$socket"
  # mosquitto.conf names its files relative to the working directory: run it in its data folder.
  spawn mosquitto "$dir" "$dir/stdout.log" mosquitto -c "$(mosquitto_conf "$dir")"
  for port in "$MQTT_PORT" "$MQTT_PLATFORM_PORT"; do
    wait_for 20 mosquitto port_open "$port" || die "mosquitto did not open port $port; see $dir/mosquitto.log"
  done
  wait_for 20 mosquitto test -S "$socket" || die "mosquitto did not open $socket; see $dir/mosquitto.log"
  # The TLS proxy (group mosquitto) and root may open it; nobody else.
  chown mosquitto:mosquitto "$socket"; chmod 660 "$socket"
}
# mosquitto_conf DIR: the repository's mosquitto.conf, or, when this state folder's broker listens on
# other ports (CAREIOT_MQTT_PORT, CAREIOT_MQTT_PLATFORM_PORT), a copy in DIR with those listeners.
mosquitto_conf() {
  local dir="$1"
  if [ "$MQTT_PORT" = "$MQTT_CONF_PORT" ] && [ "$MQTT_PLATFORM_PORT" = "$MQTT_CONF_PLATFORM_PORT" ]; then
    printf '%s\n' "$REPO/mosquitto.conf"
    return 0
  fi
  sed -e "s/^listener $MQTT_CONF_PORT 127\.0\.0\.1\$/listener $MQTT_PORT 127.0.0.1/" \
    -e "s/^listener $MQTT_CONF_PLATFORM_PORT 127\.0\.0\.1\$/listener $MQTT_PLATFORM_PORT 127.0.0.1/" \
    "$REPO/mosquitto.conf" > "$dir/mosquitto.conf"
  grep -qx "listener $MQTT_PORT 127.0.0.1" "$dir/mosquitto.conf" && grep -qx "listener $MQTT_PLATFORM_PORT 127.0.0.1" "$dir/mosquitto.conf" \
    || die "mosquitto.conf no longer has 'listener $MQTT_CONF_PORT 127.0.0.1' and 'listener $MQTT_CONF_PLATFORM_PORT 127.0.0.1' to move to other ports"
  printf '%s\n' "$dir/mosquitto.conf"
}
mosquitto_refresh() {
  port_open "$MQTT_PLATFORM_PORT" \
    || log "mosquitto runs without the platform's listener (started before it existed): restart it with services.sh stop mosquitto; services.sh start mosquitto"
  [ -S "$(service_dir mosquitto mosquitto)/$CERT_DEVICE_SOCKET" ] \
    || log "mosquitto runs without the socket of the TLS proxy (started before it existed): restart it with services.sh stop mosquitto; services.sh start mosquitto"
}
mosquitto_stop() { stop_pid mosquitto "$MOSQUITTO_PATTERN"; }

# --- The TLS proxy in front of the broker (HAProxy; why and how: deploy/haproxy.cfg) ------------
tlsproxy_dir() { service_dir tlsproxy root; }
tlsproxy_running() { is_ours tlsproxy "haproxy -W -f $(tlsproxy_dir)/haproxy.cfg"; }
tlsproxy_start() {
  local dir port
  dir="$(tlsproxy_dir)"
  for port in "$MQTTS_PORT" "$MQTT_CERT_PORT"; do
    port_open "$port" && die "port $port is taken by a process this project did not start"
  done
  tlsproxy_files "$dir" || true
  sed -e "s#@DIR@#$dir#g" -e "s#@BROKER_DIR@#$(service_dir mosquitto mosquitto)#g" \
    -e "s#@MQTT_PORT@#$MQTT_PORT#g" -e "s#@MQTTS_PORT@#$MQTTS_PORT#g" -e "s#@MQTT_CERT_PORT@#$MQTT_CERT_PORT#g" \
    -e "s#@FAILS_PER_MINUTE@#$MQTT_LOGIN_FAILURES_PER_MINUTE#g" "$REPO/deploy/haproxy.cfg" > "$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg" || die "deploy/haproxy.cfg does not check (haproxy -c)"
  spawn tlsproxy "$dir" "$dir/haproxy.log" haproxy -W -f "$dir/haproxy.cfg"
  for port in "$MQTTS_PORT" "$MQTT_CERT_PORT"; do
    wait_for 20 tlsproxy port_open "$port" || die "the TLS proxy did not open port $port; see $dir/haproxy.log"
  done
}
# A running proxy gets renewed certificates and a renewed CRL by a reload (SIGUSR2 to the master):
# a new worker takes new connections, the old one keeps its open connections until they close.
tlsproxy_refresh() {
  if tlsproxy_files "$(tlsproxy_dir)"; then
    log "tlsproxy: certificates or CRL renewed; reloading"
    kill -USR2 "$(cat "$RUN_DIR/tlsproxy.pid")"
  fi
}
tlsproxy_stop() { stop_pid tlsproxy "haproxy -W -f $(tlsproxy_dir)/haproxy.cfg"; }

# --- Redis (append-only file on: grain state and reminders survive a restart) ------------------
redis_running() { is_ours redis "redis-server 127.0.0.1:$REDIS_PORT"; }
redis_start() {
  local dir
  dir="$(service_dir redis root)"
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by a process this project did not start"
  spawn redis "$dir" /dev/null redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$dir" \
    --appendonly yes --appendfsync everysec --save "" --daemonize no --logfile "$dir/redis.log"
  wait_for 20 redis redis-cli -p "$REDIS_PORT" ping > /dev/null 2>&1 || die "redis did not answer; see $dir/redis.log"
}
redis_stop() {
  redis_running && redis-cli -p "$REDIS_PORT" bgrewriteaof > /dev/null 2>&1 || true
  stop_pid redis "redis-server 127.0.0.1:$REDIS_PORT"
}

# --- PostgreSQL (initdb refuses root: everything runs as the postgres user) --------------------
pg_dirs() { PG_ROOT="$(service_dir postgres postgres)"; PGDATA="$PG_ROOT/data"; PG_SOCKET="$PG_ROOT/socket"; }
pg() { runuser -u postgres -- "$(pg_bin)/$1" "${@:2}" 9>&-; }
postgres_running() { pg_dirs; [ -f "$PGDATA/PG_VERSION" ] && [ -f "$RUN_DIR/postgres.ours" ] && pg pg_ctl -D "$PGDATA" status > /dev/null 2>&1; }
postgres_start() {
  pg_dirs
  port_open "$PG_PORT" && die "port $PG_PORT is taken by a process this project did not start"
  local superpw app_pw
  superpw="$(secret postgres-superuser.pw)"
  app_pw="$(secret postgres-careiot.pw)"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $PGDATA"
    local pwfile="$PG_ROOT/.initpw"
    (umask 077; printf '%s\n' "$superpw" > "$pwfile"); chown postgres: "$pwfile"
    pg initdb -D "$PGDATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 > "$PG_ROOT/initdb.log"
    rm -f "$pwfile"
  fi
  mkdir -p "$PG_SOCKET"; chown postgres: "$PG_SOCKET"
  # max_connections: each silo (and each test host; the test run starts many at once) keeps a pool;
  # PostgreSQL's default of 100 was reached by the test run with ten hosts up. recovery_init_sync_method:
  # after a crash, sync the file system once instead of fsyncing every file (seconds with many databases).
  pg pg_ctl -D "$PGDATA" -l "$PG_ROOT/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCKET -c fsync=on -c max_connections=300 -c recovery_init_sync_method=syncfs" start > /dev/null \
    || die "postgres did not start; see $PG_ROOT/postgres.log"
  touch "$RUN_DIR/postgres.ours"
  # The application role: owns its databases, may create the test databases.
  runuser -u postgres -- psql -h "$PG_SOCKET" -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -q -v pw="$app_pw" > /dev/null <<'SQL'
SELECT format('CREATE ROLE careiot LOGIN CREATEDB PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careiot') \gexec
SELECT format('ALTER ROLE careiot PASSWORD %L', :'pw') \gexec
SQL
}
postgres_stop() {
  pg_dirs
  if [ -f "$RUN_DIR/postgres.ours" ] && [ -f "$PGDATA/PG_VERSION" ]; then
    pg pg_ctl -D "$PGDATA" -m fast -w -t 60 stop > /dev/null 2>&1 || true
  fi
  rm -f "$RUN_DIR/postgres.ours"
}

# --- InfluxDB 1.x ------------------------------------------------------------------------------
influxdb_running() { is_ours influxdb "influxd -config $STATE/influxdb/influxdb.conf"; }
influxdb_start() {
  local dir
  dir="$(service_dir influxdb root)"
  port_open "$INFLUX_PORT" && die "port $INFLUX_PORT is taken by a process this project did not start"
  sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$INFLUX_PORT#g" "$REPO/deploy/influxdb.conf" > "$dir/influxdb.conf"
  spawn influxdb "$dir" "$dir/influxd.log" influxd -config "$dir/influxdb.conf"
  wait_for 30 influxdb curl -sf "http://127.0.0.1:$INFLUX_PORT/ping" || die "influxd did not answer; see $dir/influxd.log"
}
influxdb_stop() { stop_pid influxdb "influxd -config $STATE/influxdb/influxdb.conf"; }

# --- Prometheus --------------------------------------------------------------------------------
# Scrapes every silo's /metrics with the metrics token (secrets/metrics-token, which the servers read too).
# The silos are listed in targets/careiot.json (file discovery: deploy/run.sh writes the run's silos there;
# the default is the first silo), the alert rules come from the repository.
PROMETHEUS_PATTERN="prometheus --config.file=$STATE/prometheus/prometheus.yml"
prometheus_running() { is_ours prometheus "$PROMETHEUS_PATTERN"; }
prometheus_start() {
  local dir
  dir="$(service_dir prometheus root)"
  [ "$dir" = "$STATE/prometheus" ] || die "prometheus must keep its data in $STATE/prometheus"
  port_open "$PROMETHEUS_PORT" && die "port $PROMETHEUS_PORT is taken by a process this project did not start"
  mkdir -p "$dir/targets" "$dir/data"
  (umask 077; secret metrics-token > "$dir/metrics-token")
  [ -s "$dir/targets/careiot.json" ] || prometheus_targets 127.0.0.1:"$HTTP_PORT"
  cat > "$dir/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  evaluation_interval: 5s
rule_files:
  - $REPO/deploy/prometheus/careiot-rules.yml
scrape_configs:
  - job_name: careiot
    metrics_path: /metrics
    authorization:
      type: Bearer
      credentials_file: $dir/metrics-token
    file_sd_configs:
      - files: [$dir/targets/careiot.json]
        refresh_interval: 5s
YAML
  spawn prometheus "$dir" "$dir/prometheus.log" prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --storage.tsdb.retention.time=15d --web.listen-address="127.0.0.1:$PROMETHEUS_PORT"
  wait_for 30 prometheus curl -sf "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" || die "prometheus did not start; see $dir/prometheus.log"
}
# prometheus_targets HOST:PORT...: the silos Prometheus scrapes (it reads the file again within 5 s).
prometheus_targets() {
  local dir="$STATE/prometheus" list
  list="$(printf '"%s",' "$@")"
  mkdir -p "$dir/targets"
  printf '[{"targets": [%s], "labels": {"service": "careiot"}}]\n' "${list%,}" > "$dir/targets/careiot.json.tmp"
  mv -f "$dir/targets/careiot.json.tmp" "$dir/targets/careiot.json"
}
prometheus_stop() { stop_pid prometheus "$PROMETHEUS_PATTERN"; }

# service_crashed NAME: this project started it (its pid file or marker is there) and it is not running.
service_crashed() {
  case "$1" in
    postgres) pg_dirs; [ -f "$RUN_DIR/postgres.ours" ] && ! postgres_running ;;
    *) [ -s "$RUN_DIR/$1.pid" ] && ! "${1}_running" ;;
  esac
}

# service_pids NAME: the pids of the service's processes, only if this project started them.
service_pids() {
  case "$1" in
    mosquitto) is_ours mosquitto "$MOSQUITTO_PATTERN" && cat "$RUN_DIR/mosquitto.pid" ;;
    tlsproxy)
      # The master and its workers.
      tlsproxy_running || return 0
      local master; master="$(cat "$RUN_DIR/tlsproxy.pid")"
      echo "$master"; cat "/proc/$master/task/$master/children" 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+$' || true ;;
    redis) is_ours redis "redis-server 127.0.0.1:$REDIS_PORT" && cat "$RUN_DIR/redis.pid" ;;
    influxdb) is_ours influxdb "influxd -config $STATE/influxdb/influxdb.conf" && cat "$RUN_DIR/influxdb.pid" ;;
    prometheus) is_ours prometheus "$PROMETHEUS_PATTERN" && cat "$RUN_DIR/prometheus.pid" ;;
    postgres)
      # The postmaster's pid is the first line of postmaster.pid; its children are its backends.
      postgres_running || return 0
      local pm; pm="$(head -n 1 "$PGDATA/postmaster.pid")"
      tr '\0' ' ' < "/proc/$pm/cmdline" | grep -qF -- "$PGDATA" || return 0
      echo "$pm"; cat "/proc/$pm/task/$pm/children" 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+$' || true ;;
  esac
}

# ports.env: a state folder started on other ports than the defaults (any CAREIOT_*_PORT of lib.sh
# set) keeps them for every later command on it (lib.sh reads the file). Nothing is written otherwise.
write_ports() {
  local var overridden=no
  for var in "${SERVICE_PORT_VARIABLES[@]}"; do
    if [ -n "${!var:-}" ]; then overridden=yes; fi
  done
  [ "$overridden" = yes ] || return 0
  {
    echo "# The ports of this state folder's services, written by deploy/services.sh start (the environment wins)."
    echo "CAREIOT_MQTT_PORT=$MQTT_PORT"
    echo "CAREIOT_MQTT_PLATFORM_PORT=$MQTT_PLATFORM_PORT"
    echo "CAREIOT_MQTTS_PORT=$MQTTS_PORT"
    echo "CAREIOT_MQTT_CERT_PORT=$MQTT_CERT_PORT"
    echo "CAREIOT_REDIS_PORT=$REDIS_PORT"
    echo "CAREIOT_PG_PORT=$PG_PORT"
    echo "CAREIOT_INFLUX_PORT=$INFLUX_PORT"
  } > "$PORTS_FILE.tmp"
  mv -f "$PORTS_FILE.tmp" "$PORTS_FILE"
}

# runtime.json: what the server needs to reach the services, secrets included (mode 0600), and the
# web certificate (Kestrel's default certificate: used by the HTTPS endpoint deploy/run.sh asks for).
write_runtime_config() {
  local pw
  pw="$(secret postgres-careiot.pw)"
  # Written aside and renamed: a reader never sees a half-written file.
  (umask 077; cat > "$STATE/runtime.json.tmp" <<JSON
{
  "ConnectionStrings": {
    "Postgres": "Host=127.0.0.1;Port=$PG_PORT;Database=careiot;Username=careiot;Password=$pw",
    "Redis": "127.0.0.1:$REDIS_PORT"
  },
  "Mqtt": { "Host": "127.0.0.1", "Port": $MQTT_PLATFORM_PORT, "DevicePort": $MQTT_PORT, "Username": "careiot-ingest", "Password": "$(secret mqtt-ingest.pw)" },
  "Influx": { "Url": "http://127.0.0.1:$INFLUX_PORT" },
  "Prometheus": { "Url": "http://127.0.0.1:$PROMETHEUS_PORT" },
  "Broker": { "UsersScript": "$REPO/deploy/mosquitto-users.sh", "PublicPort": $MQTT_PORT },
  "Kestrel": { "Certificates": { "Default": { "Path": "$TLS_DIR/web.crt", "KeyPath": "$TLS_DIR/web.key" } } },
  "Tls": { "CaCertificate": "$TLS_DIR/ca.crt", "MqttsPort": $MQTTS_PORT, "MqttCertPort": $MQTT_CERT_PORT }
}
JSON
)
  mv -f "$STATE/runtime.json.tmp" "$STATE/runtime.json"
}

command="${1:-status}"; shift || true
sig=""; if [ "$command" = signal ]; then sig="${1:-}"; shift || true; fi
services=("$@"); [ "${#services[@]}" -gt 0 ] || services=("${DEFAULT_SERVICES[@]}")
if [ "$command" != targets ]; then
  for s in "${services[@]}"; do
    case "$s" in mosquitto|tlsproxy|redis|postgres|influxdb|prometheus) ;; *) die "unknown service '$s'";; esac
  done
fi

# One start or stop at a time (test fixtures may call this script in parallel).
exec 9> "$RUN_DIR/services.lock"
flock 9

case "$command" in
  start)
    mkdir -p "$STATE"
    write_ports
    "$REPO/deploy/tls.sh"
    for s in "${services[@]}"; do
      if "${s}_running"; then
        log "$s already running"
        if [ "$s" = mosquitto ]; then mosquitto_refresh; fi
        if [ "$s" = tlsproxy ]; then tlsproxy_refresh; fi
      else
        log "starting $s"
        "${s}_start"
        echo "STARTED $s"
      fi
    done
    write_runtime_config
    ;;
  stop)
    for s in "${services[@]}"; do
      if "${s}_running"; then log "stopping $s"; fi
      "${s}_stop"
    done
    ;;
  signal)
    case "$sig" in KILL|STOP|CONT) ;; *) die "signal must be KILL, STOP or CONT";; esac
    for s in "${services[@]}"; do
      pids="$(service_pids "$s" | xargs)"
      [ -n "$pids" ] || die "$s is not running as a process this project started"
      # shellcheck disable=SC2086
      kill -"$sig" $pids
      if [ "$sig" = KILL ]; then
        for p in $pids; do wait_for 10 "$s pid $p gone" test ! -d "/proc/$p" || true; done
      fi
      log "sent SIG$sig to $s ($pids)"
    done
    ;;
  supervise)
    # Each round takes the lock like any start or stop, so it never races the scripts or the tests.
    flock -u 9
    log "supervising ${services[*]}"
    while true; do
      for s in "${services[@]}"; do
        if service_crashed "$s"; then
          flock 9
          if service_crashed "$s"; then
            log "$s died (its pid file or marker is still there); starting it again"
            ( "${s}_start" ) || log "$s did not start; trying again in a second"
          fi
          flock -u 9
        fi
      done
      sleep 1
    done
    ;;
  status)
    for s in "${DEFAULT_SERVICES[@]}"; do
      if "${s}_running"; then echo "$s running"; else echo "$s stopped"; fi
    done
    ;;
  targets)
    # deploy/services.sh targets HOST:PORT...: the silos Prometheus scrapes.
    prometheus_targets "${services[@]}"
    ;;
  *) die "usage: services.sh start|stop|status|targets [mosquitto tlsproxy redis postgres influxdb prometheus]";;
esac
