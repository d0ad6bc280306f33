#!/usr/bin/env bash
# The deployment's own certificate authority, created on first run under $STATE/tls (never in the
# repository), and the certificates it signs for the broker and the web server. Idempotent: a
# certificate is issued again only when it is missing, expires within 30 days, no longer chains to
# the CA or its names changed; the revocation list is renewed 30 days before it runs out.
#
#   deploy/tls.sh      (deploy/services.sh start runs it before Mosquitto starts)
#
# Names in the server certificates: 127.0.0.1, localhost and this machine's host name, plus
# $CAREIOT_TLS_EXTRA_SANS (openssl syntax, e.g. "DNS:care.example.org,IP:192.0.2.10").
# Keys are mode 0600. Devices' client certificates: deploy/device-cert.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command -v openssl > /dev/null || die "openssl is missing (deploy/install.sh installs it)"
mkdir -p "$TLS_DIR"
chmod 755 "$TLS_DIR"
mkdir -p "$TLS_DIR/issued" "$TLS_DIR/devices"
chmod 700 "$TLS_DIR/issued" "$TLS_DIR/devices"
tls_lock

# The CA's database: openssl ca records every certificate it signs, which is what revocation needs.
[ -f "$TLS_DIR/index.txt" ] || : > "$TLS_DIR/index.txt"
[ -f "$TLS_DIR/crlnumber" ] || echo 1000 > "$TLS_DIR/crlnumber"
[ -f "$TLS_DIR/serial" ] || openssl rand -hex 16 > "$TLS_DIR/serial"   # -rand_serial is used; openssl ca still wants the file
cat > "$TLS_CONF" <<CNF
# Written by deploy/tls.sh on every run.
[ ca ]
default_ca = careiot_ca

[ careiot_ca ]
database         = $TLS_DIR/index.txt
new_certs_dir    = $TLS_DIR/issued
certificate      = $TLS_DIR/ca.crt
private_key      = $TLS_DIR/ca.key
crlnumber        = $TLS_DIR/crlnumber
serial           = $TLS_DIR/serial
default_md       = sha256
default_days     = 397
default_crl_days = 365
policy           = only_cn
unique_subject   = no
copy_extensions  = none
email_in_dn      = no
crl_extensions   = crl_ext

[ only_cn ]
commonName = supplied

[ req ]
distinguished_name = req_dn
prompt             = no

[ req_dn ]
CN = unused

[ ca_ext ]
basicConstraints       = critical, CA:true, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash

[ device_ext ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ crl_ext ]
authorityKeyIdentifier = keyid
CNF

if [ ! -s "$TLS_DIR/ca.key" ] || [ ! -s "$TLS_DIR/ca.crt" ]; then
  log "creating the CareIoT certificate authority in $TLS_DIR"
  new_key "$TLS_DIR/ca.key"
  openssl req -new -x509 -config "$TLS_CONF" -extensions ca_ext -key "$TLS_DIR/ca.key" \
    -subj "/CN=CareIoT CA $(hostname)" -days 3650 -out "$TLS_DIR/ca.crt" 2> /dev/null
  rm -f "$TLS_DIR/crl.pem"
fi

# server_cert NAME CN: NAME.key + NAME.crt for a TLS server, named as every client may reach it.
server_cert() {
  local name="$1" cn="$2" san ext
  san="IP:127.0.0.1,DNS:localhost,DNS:$(hostname)${CAREIOT_TLS_EXTRA_SANS:+,$CAREIOT_TLS_EXTRA_SANS}"
  if [ -s "$TLS_DIR/$name.key" ] && [ -s "$TLS_DIR/$name.crt" ] \
    && [ "$(cat "$TLS_DIR/$name.san" 2> /dev/null)" = "$san" ] \
    && openssl x509 -checkend 2592000 -noout -in "$TLS_DIR/$name.crt" > /dev/null \
    && openssl verify -CAfile "$TLS_DIR/ca.crt" "$TLS_DIR/$name.crt" > /dev/null 2>&1; then
    return 0
  fi
  log "issuing the $name certificate ($san)"
  ext="$(mktemp)"
  printf '%s\n' '[ server_ext ]' 'basicConstraints = critical, CA:false' 'keyUsage = critical, digitalSignature' \
    'extendedKeyUsage = serverAuth' "subjectAltName = $san" 'subjectKeyIdentifier = hash' \
    'authorityKeyIdentifier = keyid' > "$ext"
  new_key "$TLS_DIR/$name.key.new"
  openssl req -new -config "$TLS_CONF" -key "$TLS_DIR/$name.key.new" -subj "/CN=$cn" 2> /dev/null \
    | openssl ca -batch -config "$TLS_CONF" -rand_serial -notext -extfile "$ext" -extensions server_ext \
        -in /dev/stdin -out "$TLS_DIR/$name.crt.new" 2> /dev/null \
    || { rm -f "$ext"; die "openssl could not sign the $name certificate"; }
  rm -f "$ext"
  mv -f "$TLS_DIR/$name.key.new" "$TLS_DIR/$name.key"
  mv -f "$TLS_DIR/$name.crt.new" "$TLS_DIR/$name.crt"
  printf '%s\n' "$san" > "$TLS_DIR/$name.san"
}
server_cert broker "CareIoT broker $(hostname)"
server_cert web "CareIoT console $(hostname)"

# The broker refuses every client certificate while it has no valid list: keep one ahead of expiry.
next="$(openssl crl -noout -nextupdate -in "$TLS_DIR/crl.pem" 2> /dev/null | cut -d= -f2 || true)"
if [ -z "$next" ] || [ "$(date -d "$next" +%s)" -lt $(($(date +%s) + 2592000)) ]; then
  write_crl
fi
