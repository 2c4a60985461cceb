#!/usr/bin/env bash
# Makes the README's pictures: runs nsq-inspector in demo mode under Xvfb, with a fresh home (no
# saved profile, default settings), lets it open each view in turn and save it as a PNG in docs/.
# Re-running it refreshes them.
#   tools/screenshots.sh [path/to/nsq-inspector] [docs-folder]
# Needs xvfb (apt-get install xvfb); the app is built by ./setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-build/dev/app/nsq-inspector}
out=$(realpath -m "${2:-docs}")
command -v xvfb-run >/dev/null || { echo "screenshots: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }
[ -x "$app" ] || { echo "screenshots: no $app; build it first (./setup.sh test)" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$out"
HOME=$home XDG_CONFIG_HOME=$home/.config LANG=C.UTF-8 NSQ_INSPECTOR_SCREENSHOTS="$out" \
  timeout 180 xvfb-run -a -s "-screen 0 1280x800x24 -dpi 96" "$app" --demo
ls -l "$out"/*.png
