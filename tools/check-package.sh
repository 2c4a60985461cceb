#!/usr/bin/env bash
# Installs the built .deb into a clean Debian 12 root (debootstrap, minbase: none of the
# development packages) with apt, as a user would, then starts the installed app there on the
# X display given, in demo mode, with QT_DEBUG_PLUGINS=1, and checks that it got as far as holding
# messages with the X11 platform plugin, the SVG icon engine and every library it mapped coming
# from installed packages.
#   tools/check-package.sh build/release/nsq-inspector_*.deb :99 [root-dir]
# Needs root, network access to the Debian mirror and an X server on the display (Xvfb).
set -euo pipefail
deb=$(realpath "$1")
display=${2:-:99}
root=${3:-/tmp/nsq-inspector-cleanroot}
log=$(mktemp)

if [ ! -x "$root/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  echo "check-package: making a clean Debian 12 root in $root" >&2
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
cleanup() {
  umount "$root/tmp/.X11-unix" 2>/dev/null || true
  umount "$root/proc" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
mount -t proc proc "$root/proc"
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
cp "$deb" "$root/tmp/package.deb"
chroot "$root" apt-get update -qq
echo "check-package: apt-get install ./package.deb (no recommends)" >&2
chroot "$root" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends /tmp/package.deb >/dev/null
if chroot "$root" dpkg-query -W qt6-base-dev libqcustomplot-dev >/dev/null 2>&1; then
  echo "check-package: FAIL: development packages came in" >&2
  exit 1
fi

echo "check-package: starting the installed nsq-inspector on $display" >&2
chroot "$root" env -i HOME=/tmp/home DISPLAY="$display" QT_QPA_PLATFORM=xcb \
  QT_DEBUG_PLUGINS=1 NSQ_INSPECTOR_DEMO_REPORT=maps LANG=C.UTF-8 \
  sh -c 'mkdir -p /tmp/home && exec nsq-inspector --demo' >"$log" 2>&1 || {
  echo "check-package: FAIL: the app did not run in the clean root:" >&2
  tail -30 "$log" >&2
  exit 1
}
fail=0
grep -q "demo: messages held" "$log" || { echo "check-package: FAIL: nothing held" >&2; fail=1; }
for plugin in platforms/libqxcb.so iconengines/libqsvgicon.so tls/libqopensslbackend.so libssl.so.3; do
  if grep -Eq "^[0-9a-f]+-[0-9a-f]+ .*$plugin" "$log"; then
    echo "check-package: loaded $plugin" >&2
  else
    echo "check-package: FAIL: $plugin was not loaded" >&2
    fail=1
  fi
done
# A plugin that would not load (Qt's first try of the unversioned "crypto" and "ssl" names is
# expected to fail; the versioned libssl3 files load next).
if grep -E "loadPlugin failed|Cannot load library .*/plugins/" "$log" >&2; then fail=1; fi
# Every file it mapped belongs to an installed package (the deb's own, or its dependencies').
libs=$(awk '/^[0-9a-f]+-[0-9a-f]+ / && $6 ~ /\.so/ {print $6}' "$log" | sort -u)
owners=$(mktemp)
for f in $libs; do
  owner=""
  # usrmerge: dpkg may know the file under /lib.
  for candidate in "$f" "${f/#\/usr\/lib\//\/lib\/}"; do
    owner=$(chroot "$root" dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) &&
      [ -n "$owner" ] && break
  done
  [ -n "$owner" ] && echo "$owner" >>"$owners" ||
    { echo "check-package: FAIL: $f is in no installed package" >&2; fail=1; }
done
echo "check-package: $(echo "$libs" | wc -l) libraries and plugins mapped, from these packages:" >&2
sort -u "$owners" | tr '\n' ' ' >&2
rm -f "$owners"
echo >&2
[ $fail -eq 0 ] && echo "check-package: OK" >&2
exit $fail
