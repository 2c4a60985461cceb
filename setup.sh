#!/usr/bin/env bash
# NSQ Inspector set-up: installs missing Debian packages, configures and builds, then runs.
#   ./setup.sh run    build and start nsq-inspector
#   ./setup.sh test   build and run every test through CTest
# Extra arguments after the command go to the app (run) or to ctest (test).
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ clang clang-format libclang-rt-14-dev pkg-config openssl dpkg-dev file
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev libqcustomplot2.1-qt6
  qtkeychain-qt6-dev libsnappy-dev zlib1g-dev libgl-dev qt6-qpa-plugins python3
  libmsgpack-cxx-dev libcbor-dev libprotobuf-dev libprotoc-dev libzstd-dev liblz4-dev
  qt6-translations-l10n)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    if [ "$(id -u)" -ne 0 ]; then
      echo "setup: missing packages need root; run as root or: sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

build() {
  local preset=$1
  [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

cmd=${1:-}
shift || true
case "$cmd" in
  run)
    install_missing
    build dev
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "setup: no display found (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
      echo "setup: run it on a desktop, or under Xvfb: xvfb-run ./setup.sh run" >&2
      exit 1
    fi
    exec build/dev/app/nsq-inspector "$@"
    ;;
  test)
    install_missing
    build dev
    QT_QPA_PLATFORM=offscreen ctest --preset dev -j2 "$@"
    ;;
  *)
    echo "usage: ./setup.sh run|test [args...]" >&2
    exit 2
    ;;
esac
