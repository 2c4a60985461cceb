#!/usr/bin/env bash
# Builds the fuzzer with clang in its own tree and runs it for a bounded time.
# usage: run-fuzzer.sh SOURCE_DIR BUILD_DIR SECONDS
set -euo pipefail
src=$1 out=$2 secs=$3
if [ ! -f "$out/build.ninja" ] || ! grep -q NSQ_DECODE_DIR "$out/CMakeCache.txt"; then
  cmake -S "$src/tests/fuzz/project" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNSQ_SOURCE_DIR="$src/nsqcore" \
    -DNSQ_DECODE_DIR="$src/decode" >/dev/null
fi
if ! log=$(cmake --build "$out" 2>&1); then
  echo "$log" | tail -n 40 # a build failure must say why, not fail in silence
  exit 1
fi
mkdir -p "$out/corpus"
cd "$out"
./fuzz_decoders -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -print_final_stats=1 corpus "$src/tests/fuzz/seeds" 2>&1 | tail -n 25
exit "${PIPESTATUS[0]}"
