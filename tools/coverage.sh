#!/usr/bin/env bash
# Line coverage of nsqcore/ and cli/ from the whole suite (fuzzing and benchmarks aside).
#   tools/coverage.sh [ctest args...]     needs gcovr (apt-get install gcovr)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v gcovr >/dev/null || { echo "coverage: gcovr is missing (apt-get install gcovr)" >&2; exit 1; }
[ -f build/coverage/build.ninja ] || cmake --preset coverage >/dev/null
cmake --build --preset coverage
find build/coverage -name '*.gcda' -delete
QT_QPA_PLATFORM=offscreen ctest --preset coverage -j2 -LE 'fuzz|bench' "$@" || true
gcovr --root . --object-directory build/coverage --filter 'nsqcore/' --filter 'cli/' \
  --exclude-unreachable-branches --print-summary --txt build/coverage/coverage.txt \
  --html-details build/coverage/coverage.html
echo "coverage: per-file table in build/coverage/coverage.txt, pages in build/coverage/coverage.html"
