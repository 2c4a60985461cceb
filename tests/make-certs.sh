#!/usr/bin/env bash
# Makes the test PKI: a CA, a server certificate for 127.0.0.1/localhost and a client certificate
# signed by it, and an unrelated self-signed certificate. Test-only keys, made fresh per build dir.
set -euo pipefail
out=$1
mkdir -p "$out"
cd "$out"
[ -f done ] && exit 0
q() { openssl "$@" 2>/dev/null; }
q req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=NSQ Inspector Test CA" \
  -keyout ca.key -out ca.pem
for who in server client; do
  q req -newkey rsa:2048 -nodes -subj "/CN=$who" -keyout $who.key -out $who.csr
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' > $who.ext
  q x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
    -extfile $who.ext -out $who.pem
done
q req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=stranger" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout stranger.key -out stranger.pem
# openssl 3 writes PKCS#8 keys; Qt reads them as RSA keys as well.
touch done
