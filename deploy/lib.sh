# Shared settings of the deploy scripts. Sourced, not run.
# Every service listens on 127.0.0.1 only, on ports of its own so it never meets a system instance.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CAREIOT_STATE:-$REPO/.state}"
export CAREIOT_STATE="$STATE"

# Every service port below can be changed with its CAREIOT_*_PORT variable, so a second system (a
# restore beside the running one: deploy/restore.sh) runs on ports of its own. services.sh start records
# changed ports in the state folder (ports.env), so every later command on that folder uses them; the
# environment still wins over the file.
SERVICE_PORT_VARIABLES=(CAREIOT_MQTT_PORT CAREIOT_MQTT_PLATFORM_PORT CAREIOT_MQTTS_PORT CAREIOT_MQTT_CERT_PORT
  CAREIOT_REDIS_PORT CAREIOT_PG_PORT CAREIOT_INFLUX_PORT CAREIOT_PROMETHEUS_PORT)
PORTS_FILE="$STATE/ports.env"
if [ -f "$PORTS_FILE" ]; then
  while IFS='=' read -r key value; do
    if [[ " ${SERVICE_PORT_VARIABLES[*]} " == *" $key "* ]] && [[ "$value" =~ ^[0-9]{1,5}$ ]] && [ -z "${!key:-}" ]; then
      export "$key=$value"
    fi
  done < "$PORTS_FILE"
fi

MQTT_CONF_PORT=1883           # the listeners as mosquitto.conf has them; services.sh runs a copy with
MQTT_CONF_PLATFORM_PORT=1884  # other ports when CAREIOT_MQTT_PORT / CAREIOT_MQTT_PLATFORM_PORT say so
MQTT_PORT="${CAREIOT_MQTT_PORT:-$MQTT_CONF_PORT}"                            # loopback only: devices of the local fleet, local tools
MQTT_PLATFORM_PORT="${CAREIOT_MQTT_PLATFORM_PORT:-$MQTT_CONF_PLATFORM_PORT}" # loopback only: the platform's own accounts (ingest)
# The exceptions to "127.0.0.1 only": the ports devices and browsers reach from the network, all TLS.
MQTTS_PORT="${CAREIOT_MQTTS_PORT:-8883}"         # the TLS proxy in front of the broker (deploy/haproxy.cfg); devices: password + ACL
MQTT_CERT_PORT="${CAREIOT_MQTT_CERT_PORT:-8884}" # the TLS proxy; devices: client certificate (CN = device id = username) + ACL
# The broker's Unix socket for certificate devices handed over by the TLS proxy (mosquitto.conf).
CERT_DEVICE_SOCKET=proxied-certificate-devices.sock
# Refused MQTT logins one source address may collect in a minute on the TLS port before the proxy
# refuses its new connections (until the rate falls again).
MQTT_LOGIN_FAILURES_PER_MINUTE="${CAREIOT_MQTT_LOGIN_FAILURES_PER_MINUTE:-10}"
HTTPS_PORT="${CAREIOT_HTTPS_PORT:-5443}"            # the console (deploy/run.sh: +i per silo)
REDIS_PORT="${CAREIOT_REDIS_PORT:-6380}"
PG_PORT="${CAREIOT_PG_PORT:-5433}"
INFLUX_PORT="${CAREIOT_INFLUX_PORT:-8087}"
HTTP_PORT="${CAREIOT_HTTP_PORT:-5080}"
PROMETHEUS_PORT="${CAREIOT_PROMETHEUS_PORT:-9091}"     # ours; Debian's own Prometheus (if it runs) keeps 9090

RUN_DIR="$STATE/run"
SECRETS_DIR="$STATE/secrets"
TLS_DIR="$STATE/tls"    # the deployment's CA and certificates (deploy/tls.sh)
TLS_CONF="$TLS_DIR/ca.cnf"

log() { printf '[careiot] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# is_ours NAME PATTERN: the pid in our pid file is alive and its command line contains PATTERN.
is_ours() {
  local pidfile="$RUN_DIR/$1.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$2"
}

# port_open PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# wait_for SECONDS DESCRIPTION COMMAND...: poll until COMMAND succeeds.
wait_for() {
  local deadline=$((SECONDS + $1)) what="$2"; shift 2
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# stop_pid NAME PATTERN: TERM (then KILL after 20 s) the process in our pid file, only if it is ours.
stop_pid() {
  local name="$1" pattern="$2" pid
  if ! is_ours "$name" "$pattern"; then
    rm -f "$RUN_DIR/$name.pid"
    return 0
  fi
  pid="$(cat "$RUN_DIR/$name.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  if [ -d "/proc/$pid" ]; then
    log "$name (pid $pid) did not stop in 20 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# spawn NAME DIR LOG COMMAND...: run COMMAND in DIR in a session of its own (Ctrl-C on a script
# does not reach it) and record its pid in $RUN_DIR/NAME.pid.
spawn() {
  local name="$1" dir="$2" logfile="$3"; shift 3
  rm -f "$RUN_DIR/$name.pid"
  # 9>&-: the service must not inherit services.sh's lock, or it would hold it for its lifetime.
  setsid bash -c 'echo $$ > "$0"; cd "$1" || exit 1; shift 2; exec "$@"' \
    "$RUN_DIR/$name.pid" "$dir" x "$@" > "$logfile" 2>&1 < /dev/null 9>&- &
  wait_for 10 "$name pid" test -s "$RUN_DIR/$name.pid"
}

# service_dir NAME USER: a data folder for NAME that USER can write. Under $STATE when USER can
# reach it; otherwise (a parent folder closed to other users) under /var/lib/careiot.
service_dir() {
  local name="$1" user="$2" dir="$STATE/$1"
  mkdir -p "$dir"
  if [ "$user" != root ]; then
    chown "$user:" "$dir"
    if ! runuser -u "$user" -- test -w "$dir" 2>/dev/null; then
      dir="$(external_state_dir)/$name"
      mkdir -p "$dir"
      chown "$user:" "$dir"
    fi
  fi
  printf '%s\n' "$dir"
}

# external_state_dir: where service_dir puts this state folder's data that a service user cannot keep
# under $STATE.
external_state_dir() { printf '/var/lib/careiot/%s\n' "$(printf '%s' "$STATE" | md5sum | cut -c1-12)"; }

# secret NAME: a generated secret, created once with mode 0600.
secret() {
  local file="$SECRETS_DIR/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$SECRETS_DIR"
    chmod 700 "$SECRETS_DIR"
    (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$file")
  fi
  cat "$file"
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- TLS (deploy/tls.sh, deploy/device-cert.sh) -------------------------------------------------
# tls_lock: one change to the CA's database at a time. Holds fd 7 until the script ends; close it
# (exec 7>&-) before starting a long-lived process, or that process would hold the lock.
tls_lock() { exec 7> "$TLS_DIR/.lock"; flock 7; }

# new_key FILE: a fresh P-256 private key, mode 0600.
new_key() { (umask 077; openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2> /dev/null); }

# write_crl: the CA's revocation list, from its database, valid for a year.
write_crl() {
  openssl ca -gencrl -config "$TLS_CONF" -out "$TLS_DIR/crl.pem.new" 2> /dev/null || die "openssl could not write the CRL"
  mv -f "$TLS_DIR/crl.pem.new" "$TLS_DIR/crl.pem"
}

# tlsproxy_files DIR: the broker's certificate and key (one PEM file, as HAProxy reads them), the CA
# and its CRL, copied into DIR for the TLS proxy in front of the broker (root only: it reads them
# before dropping to its own user). Succeeds only if a file changed.
tlsproxy_files() {
  local dir="$1" changed=1 f
  mkdir -p "$dir"; chmod 700 "$dir"
  (umask 077; cat "$TLS_DIR/broker.crt" "$TLS_DIR/broker.key" > "$dir/broker.pem.new")
  for f in broker.pem ca.crt crl.pem; do
    [ "$f" = broker.pem ] || (umask 077; cp "$TLS_DIR/$f" "$dir/$f.new")
    if cmp -s "$dir/$f.new" "$dir/$f"; then rm -f "$dir/$f.new"; else mv -f "$dir/$f.new" "$dir/$f"; changed=0; fi
  done
  return "$changed"
}

# influx_rpc_address: HOST:PORT of the backup and restore service of this state folder's running influxd.
# deploy/influxdb.conf binds it to 127.0.0.1:0 (a free port, so two systems side by side never meet), so
# it is read from the listening sockets of the influxd in our pid file.
influx_rpc_address() {
  local pid address
  is_ours influxdb "influxd -config $STATE/influxdb/influxdb.conf" || return 1
  pid="$(cat "$RUN_DIR/influxdb.pid")"
  address="$(ss -Htlnp | awk -v owner="pid=$pid," -v http="127.0.0.1:$INFLUX_PORT" 'index($0, owner) && $4 != http { print $4; exit }')"
  [ -n "$address" ] || return 1
  printf '%s\n' "$address"
}
