#!/usr/bin/env bash
# Client certificates for devices that support them, signed by the deployment's CA (deploy/tls.sh).
# On the certificate port ($MQTT_CERT_PORT, the TLS proxy in front of the broker) the device logs in
# with its id as username and no password; the proxy lets the CONNECT through only if that username is
# the certificate's CN, so the ACL's per-device topics apply as they do to a password.
#
#   deploy/device-cert.sh issue ID...    writes $STATE/tls/devices/ID.key and ID.crt (both 0600) and
#                                        prints "ID KEYFILE CERTFILE" on stdout; the device also
#                                        needs $STATE/tls/ca.crt to check the broker
#   deploy/device-cert.sh revoke ID...   revokes every certificate issued to ID and deletes its files
#
# Revocation without a restart: the proxy is reloaded with the new CRL, so every new TLS handshake
# with a revoked certificate is refused; but a connection opened before stays open (a certificate is
# checked only in the handshake, and the old worker keeps its connections). So revoke also denies ID
# every topic in the running broker's ACL (reloaded by SIGHUP, checked on every message) until the
# broker's next start, which begins with the repository's ACL and no such connection.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [ ! -s "$TLS_DIR/ca.key" ] || [ ! -s "$TLS_CONF" ]; then
  die "no CA in $TLS_DIR yet: run deploy/services.sh start (or deploy/tls.sh)"
fi
command="${1:-}"; shift || true
[ $# -gt 0 ] || die "usage: device-cert.sh issue|revoke ID..."
for id in "$@"; do
  [[ "$id" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || die "bad device id '$id'"
  # The CN becomes the broker username: a device must never be named like the platform's own users.
  [[ "$id" != careiot-* ]] || die "device id '$id' is reserved for the platform"
done

broker_dir="$(service_dir mosquitto mosquitto)"
reload_broker() {
  # Ours by the state folder's pid file, whichever checkout started it (as in services.sh).
  if is_ours mosquitto "mosquitto -c /"; then
    kill -HUP "$(cat "$RUN_DIR/mosquitto.pid")"
  fi
}

# The TLS proxy checks certificates: a new CRL reaches it by a reload (SIGUSR2 to its master).
reload_proxy() {
  local dir; dir="$(service_dir tlsproxy root)"
  if is_ours tlsproxy "haproxy -W -f $dir/haproxy.cfg" && tlsproxy_files "$dir"; then
    kill -USR2 "$(cat "$RUN_DIR/tlsproxy.pid")"
  fi
}

tls_lock
case "$command" in
  issue)
    for id in "$@"; do
      if grep -qxF "# revoked: $id" "$broker_dir/acl" 2> /dev/null; then
        log "$id was revoked while the broker runs: it may publish only after the broker's next start"
      fi
      key="$TLS_DIR/devices/$id.key"; crt="$TLS_DIR/devices/$id.crt"
      new_key "$key.new"
      openssl req -new -config "$TLS_CONF" -key "$key.new" -subj "/CN=$id" 2> /dev/null \
        | (umask 077; openssl ca -batch -config "$TLS_CONF" -rand_serial -notext -extensions device_ext \
            -in /dev/stdin -out "$crt.new" 2> /dev/null) \
        || die "openssl could not sign a certificate for $id"
      mv -f "$key.new" "$key"; mv -f "$crt.new" "$crt"
      printf '%s %s %s\n' "$id" "$key" "$crt"
    done
    ;;
  revoke)
    for id in "$@"; do
      serials="$(awk -F'\t' -v subject="/CN=$id" '$1 == "V" && $6 == subject { print $4 }' "$TLS_DIR/index.txt")"
      [ -n "$serials" ] || log "$id has no valid certificate"
      for serial in $serials; do
        openssl ca -config "$TLS_CONF" -revoke "$TLS_DIR/issued/$serial.pem" 2> /dev/null \
          || die "openssl could not revoke certificate $serial of $id"
      done
      rm -f "$TLS_DIR/devices/$id.key" "$TLS_DIR/devices/$id.crt"
      if [ -f "$broker_dir/acl" ] && ! grep -qxF "# revoked: $id" "$broker_dir/acl"; then
        printf '# revoked: %s\nuser %s\ntopic deny #\n' "$id" "$id" >> "$broker_dir/acl"
      fi
    done
    write_crl
    reload_broker
    reload_proxy
    ;;
  *) die "usage: device-cert.sh issue|revoke ID...";;
esac
