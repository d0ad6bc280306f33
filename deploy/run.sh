#!/usr/bin/env bash
# The whole system on this machine: installs what is missing, starts Mosquitto, Redis and
# PostgreSQL, builds and starts the server, and runs a simulated fleet of call buttons whose
# presses arrive on the dispatch console. Ctrl-C stops everything this command started.
#
#   deploy/run.sh [--silos N] [--households N] [--beds N] [--zigbee-households N] [--nbiot N] [--press-every SECONDS] [--smoke-every SECONDS]
# --silos N starts N servers as one Orleans cluster (Redis membership), each on its own ports:
# HTTP 5080+i (127.0.0.1 only), HTTPS 5443+i (all interfaces), silo 11111+i, gateway 30000+i, DC-09 panels 9590+i (i = 0..N-1). Each silo keeps its own persistent MQTT
# subscription for alarms (Mosquitto 2.0 does not restore shared subscriptions after its own restart:
# see the README; the grains drop the repeats), the silos split the telemetry (a shared subscription), and every console sees every alert through the cluster (a
# relay grain per silo). A service that crashes is started again within a second or two
# (deploy/services.sh supervise).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

silos=1
households=20
beds=8
zigbee=3
nbiot=2
press_every=20
smoke_every=90
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2;;
    --households) households="$2"; shift 2;;
    --beds) beds="$2"; shift 2;;
    --zigbee-households) zigbee="$2"; shift 2;;
    --nbiot) nbiot="$2"; shift 2;;
    --press-every) press_every="$2"; shift 2;;
    --smoke-every) smoke_every="$2"; shift 2;;
    *) die "unknown option $1 (see the header of $0)";;
  esac
done

"$REPO/deploy/install.sh"
started="$("$REPO/deploy/services.sh" start | awk '/^STARTED/ {print $2}' | xargs)"
pids=()
cleanup() {
  trap - EXIT INT TERM
  log "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # shellcheck disable=SC2086
  [ -z "$started" ] || "$REPO/deploy/services.sh" stop $started
}
trap cleanup EXIT INT TERM

# A crashed service (the broker, a database) does not stay down: started again within seconds.
"$REPO/deploy/services.sh" supervise mosquitto tlsproxy redis postgres influxdb prometheus &
pids+=($!)

log "building"
: > "$STATE/build.log"
for project in src/CareIoT.Server devices/CareIoT.DeviceSimulator; do
  dotnet build "$REPO/$project" -c Release -v quiet -nologo >> "$STATE/build.log" 2>&1 || { cat "$STATE/build.log"; die "build failed"; }
done

# The secrets the carriers' platforms (OneNET token, CTWing secret) sign their pushes with: made once per
# deployment, owner-only; on a real deployment they are the values configured on each platform.
carrier_tokens="$SECRETS_DIR/carrier-tokens"
[ -s "$carrier_tokens" ] || (umask 077; mkdir -p "$SECRETS_DIR"; printf '%s\n%s\n' "$(openssl rand -hex 16)" "$(openssl rand -hex 16)" > "$carrier_tokens")
{ read -r onenet_token; read -r ctwing_token; } < "$carrier_tokens"

mkdir -p "$STATE/logs"
for ((i = 0; i < silos; i++)); do
  port=$((HTTP_PORT + i))
  log "starting silo $i on http://127.0.0.1:$port and https://$(hostname):$((HTTPS_PORT + i)) (log: $STATE/logs/server-$i.out)"
  Https__Port=$((HTTPS_PORT + i)) Logging__Directory="$STATE/logs/silo-$i" Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) Dc09__Port=$((9590 + i)) \
  Mqtt__ClientId="careiot-ingest-$i" CarrierPush__OneNet__Token="$onenet_token" CarrierPush__Ctwing__Token="$ctwing_token" \
    dotnet "$REPO/src/CareIoT.Server/bin/Release/net10.0/CareIoT.Server.dll" \
    --contentRoot "$REPO/src/CareIoT.Server" --urls "http://127.0.0.1:$port" > "$STATE/logs/server-$i.out" 2>&1 &
  pids+=($!)
done
for ((i = 0; i < silos; i++)); do
  wait_for 120 "silo $i" curl -sf "http://127.0.0.1:$((HTTP_PORT + i))/health" > /dev/null \
    || { tail -n 40 "$STATE/logs/server-$i.out"; die "silo $i did not become healthy"; }
done

# Prometheus scrapes every silo of this run.
"$REPO/deploy/services.sh" targets $(for ((i = 0; i < silos; i++)); do printf '127.0.0.1:%s ' $((HTTP_PORT + i)); done)

sim=(dotnet "$REPO/devices/CareIoT.DeviceSimulator/bin/Release/net10.0/careiot-sim.dll")
fleet=(--households "$households" --beds "$beds" --zigbee-households "$zigbee" --prefix demo)
credentials="$SECRETS_DIR/fleet-credentials"
# Each simulated device gets broker credentials of its own, as an installer would issue them.
(umask 077; "${sim[@]}" fleet-ids "${fleet[@]}" | xargs "$REPO/deploy/mosquitto-users.sh" add > "$credentials")

# The server creates the user "admin" on a fresh database and writes its password here once.
admin_file="$SECRETS_DIR/initial-admin"
wait_for 30 "initial admin" test -s "$admin_file" || die "no initial admin in $admin_file"

cat <<MSG

  CareIoT is running.
  Dispatch console:  https://$(hostname):$HTTPS_PORT/   sign in as: $(cat "$admin_file")
                     (on this machine also http://127.0.0.1:$HTTP_PORT/; plain HTTP is served on loopback only)
  CA certificate:    $TLS_DIR/ca.crt   (the deployment's own CA: import it into the browser's trusted
                     authorities, or replace Kestrel:Certificates:Default:Path/KeyPath with a real certificate)
  Silos:             $silos (HTTPS ports $HTTPS_PORT-$((HTTPS_PORT + silos - 1)), HTTP $HTTP_PORT-$((HTTP_PORT + silos - 1)); any of them serves the console)
  Devices (TLS):     $(hostname):$MQTTS_PORT with a password, $(hostname):$MQTT_CERT_PORT with a client certificate (deploy/device-cert.sh)
  Rotation wall:     https://$(hostname):$HTTPS_PORT/wall.html   map: /map.html
  Installers:        https://$(hostname):$HTTPS_PORT/install.html   inspectors' reports: /report.html
  Beds:              /site.html?kind=bed&id=demo-bed-0000 (each resident's own normal)   morning report: /nights.html
  Metrics:           Prometheus http://127.0.0.1:$PROMETHEUS_PORT/ (alerts: /alerts) scrapes every silo's /metrics
                     with the token in $SECRETS_DIR/metrics-token; Grafana dashboard: deploy/grafana/careiot-dashboard.json
  Open alerts (API): http://127.0.0.1:$HTTP_PORT/api/alerts/open
  Dead letters:      http://127.0.0.1:$HTTP_PORT/api/ingest/dead-letters
  A fleet of $households households (call button + smoke alarm), $beds beds (mattress) and
  $zigbee homes behind a Zigbee2MQTT gateway (SOS button + smoke detector), $nbiot homes with an NB-IoT
  smoke alarm pushed as OneNET and CTWing push (to http://127.0.0.1:$HTTP_PORT/carrier/onenet and /carrier/ctwing):
  a call button is pressed every $press_every s, a smoke alarm sounds every $smoke_every s.
  Ctrl-C stops everything.

MSG
# The simulated residents' past nights (demo only: a real mattress has no history to upload), then the morning's
# baseline job once the fleet has registered its beds, so each bed shows its resident's own normal at once.
"${sim[@]}" history --beds "$beds" --prefix demo --influx "http://127.0.0.1:$INFLUX_PORT/" > "$STATE/logs/history.out" 2>&1 \
  || log "the residents' past nights were not written (see $STATE/logs/history.out); beds start warming up instead"
learn_baselines() {
  local user password jar
  read -r user password < "$admin_file"
  jar="$(mktemp)"
  wait_for 120 "the fleet's beds" curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/health" || return 0
  for _ in $(seq 60); do
    curl -sf -c "$jar" -H 'Content-Type: application/json' -d "{\"username\":\"$user\",\"password\":\"$password\"}" \
      -o /dev/null "http://127.0.0.1:$HTTP_PORT/api/auth/login" \
      && curl -sf -b "$jar" -o /dev/null "http://127.0.0.1:$HTTP_PORT/api/sites/beds/demo-bed-$(printf %04d $((beds - 1)))/care" \
      && { curl -sf -b "$jar" -X POST -o /dev/null "http://127.0.0.1:$HTTP_PORT/api/admin/baselines/run"; break; }
    sleep 2
  done
  rm -f "$jar"
}
[ "$beds" -eq 0 ] || learn_baselines &

CAREIOT_ONENET_TOKEN="$onenet_token" CAREIOT_CTWING_TOKEN="$ctwing_token" \
"${sim[@]}" fleet "${fleet[@]}" --press-every "$press_every" --smoke-every "$smoke_every" \
  --credentials "$credentials" --login "$admin_file" --register "http://127.0.0.1:$HTTP_PORT/" --panel-port 9590 \
  --nbiot "$nbiot" &
pids+=($!)
wait "${pids[@]}"
