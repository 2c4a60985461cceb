#!/usr/bin/env bash
# Checks the .deb's dependency list against what the app really loads, without a clean root:
# unpacks the package, starts the unpacked nsq-inspector in demo mode under Xvfb (the X11
# platform plugin, as on a desktop) until it holds messages, takes every shared library and Qt
# plugin it mapped (/proc/self/maps), and checks that the Debian package each comes from is
# among the package's Depends or what they depend on, recursively.
#   tools/check-package-deps.sh build/release/nsq-inspector_*.deb
# tools/check-package.sh is the stronger check (apt-get install into a clean Debian 12 root).
set -euo pipefail
deb=$(realpath "$1")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dpkg-deb -x "$deb" "$scratch/root"
depends=$(dpkg-deb -f "$deb" Depends)
echo "check-package-deps: Depends: $depends" >&2

# Every package the Depends pull in (first alternative of each), recursively.
declare -A closure=()
queue=()
for d in $(echo "$depends" | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/:any//' | tr -d ' '); do
  queue+=("$d")
done
while ((${#queue[@]})); do
  p=${queue[0]}
  queue=("${queue[@]:1}")
  [ -n "${closure[$p]:-}" ] && continue
  closure[$p]=1
  for d in $(dpkg-query -W -f='${Depends},${Pre-Depends}\n' "$p" 2>/dev/null |
             tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/:any//' | tr -d ' ' | grep -v '^$'); do
    [ -z "${closure[$d]:-}" ] && queue+=("$d")
  done
done

HOME=$scratch/home QT_DEBUG_PLUGINS=1 NSQ_INSPECTOR_DEMO_REPORT=maps LANG=C.UTF-8 \
  timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" "$scratch/root/usr/bin/nsq-inspector" --demo \
  >"$scratch/out" 2>"$scratch/err" || { tail -20 "$scratch/err" >&2; exit 1; }
grep -q "demo: messages held" "$scratch/out" || { echo "check-package-deps: FAIL: nothing held" >&2; exit 1; }
fail=0
for plugin in platforms/libqxcb.so iconengines/libqsvgicon.so tls/libqopensslbackend.so; do
  grep -q "$plugin" "$scratch/out" && echo "check-package-deps: loaded $plugin" >&2 ||
    echo "check-package-deps: note: $plugin not loaded in this run" >&2
done
libs=$(awk '$6 ~ /\.so/ {print $6}' "$scratch/out" | sort -u)
for f in $libs; do
  case $f in "$scratch"/*) continue ;; esac # the package's own files
  owner=""
  # usrmerge: dpkg may know the file under /lib, or under its link's target.
  for candidate in "$f" "${f/#\/usr\/lib\//\/lib\/}" "$(readlink -f "$f")"; do
    owner=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) && [ -n "$owner" ] && break
  done
  if [ -z "$owner" ]; then
    echo "check-package-deps: FAIL: $f belongs to no package" >&2
    fail=1
  elif [ -z "${closure[$owner]:-}" ]; then
    echo "check-package-deps: FAIL: $f comes from $owner, which the package does not depend on" >&2
    fail=1
  fi
done
echo "check-package-deps: $(echo "$libs" | wc -l) libraries and plugins loaded; ${#closure[@]} packages in the Depends closure" >&2
[ $fail -eq 0 ] && echo "check-package-deps: OK" >&2
exit $fail
