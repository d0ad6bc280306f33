#!/usr/bin/env bash
# Bounded reproduction of the Mosquitto 2.0.11 crash on failing TLS handshakes ([2/8]): from
# loopback, one unauthenticated TLS 1.2 handshake per cipher OpenSSL knows (most fail with "no shared
# cipher"), plus handshakes cut off half-way, plain MQTT and garbage sent to the TLS port, TLS 1.0/1.1
# and 1.3 hellos, PARALLEL at a time, ROUNDS times; after each round the broker must still run.
#
#   tests/tools/tls-handshake-storm.sh PORT BROKER_PID [ROUNDS] [PARALLEL]
# Prints one line per round and exits 1 the moment BROKER_PID is gone (the broker crashed or
# exited), 0 when every round passed. The target is whatever listens on 127.0.0.1:PORT: the broker's
# own TLS listener, or the TLS proxy in front of it (deploy/services.sh tlsproxy).
set -uo pipefail
port="${1:?PORT}"
pid="${2:?BROKER_PID}"
rounds="${3:-10}"
parallel="${4:-16}"

mapfile -t ciphers < <(openssl ciphers 'ALL:COMPLEMENTOFALL:@SECLEVEL=0' | tr ':' '\n')
attempts=()
for c in "${ciphers[@]}"; do attempts+=("cipher $c"); done
attempts+=("cut" "cut" "cut" "garbage" "garbage" "mqtt" "tls1" "tls1_1" "tls1_3")

one() {
  local kind="$1" arg="${2:-}"
  case "$kind" in
    cipher) timeout 5 openssl s_client -connect "127.0.0.1:$port" -tls1_2 -cipher "$arg:@SECLEVEL=0" < /dev/null ;;
    cut) timeout 1 openssl s_client -connect "127.0.0.1:$port" -tls1_2 < /dev/zero ;;
    garbage) head -c 4096 /dev/urandom | timeout 2 openssl s_client -connect "127.0.0.1:$port" -quiet 2> /dev/null;
             head -c 4096 /dev/urandom > "/dev/tcp/127.0.0.1/$port" ;;
    mqtt) printf '\x10\x0c\x00\x04MQTT\x04\x02\x00\x3c\x00\x00' > "/dev/tcp/127.0.0.1/$port" ;;
    tls1) timeout 5 openssl s_client -connect "127.0.0.1:$port" -tls1 -cipher 'ALL:@SECLEVEL=0' < /dev/null ;;
    tls1_1) timeout 5 openssl s_client -connect "127.0.0.1:$port" -tls1_1 -cipher 'ALL:@SECLEVEL=0' < /dev/null ;;
    tls1_3) timeout 5 openssl s_client -connect "127.0.0.1:$port" -tls1_3 < /dev/null ;;
  esac
} > /dev/null 2>&1

for ((r = 1; r <= rounds; r++)); do
  running=0
  for a in "${attempts[@]}"; do
    # shellcheck disable=SC2086
    one $a &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then wait -n; running=$((running - 1)); fi
    if ! kill -0 "$pid" 2> /dev/null; then echo "round $r: broker $pid is gone"; exit 1; fi
  done
  wait
  if ! kill -0 "$pid" 2> /dev/null; then echo "round $r: broker $pid is gone"; exit 1; fi
  echo "round $r: ${#attempts[@]} handshakes, broker $pid still running"
done
