#!/usr/bin/env bash
# CI: refreshes the .ts from the sources (lupdate, as `--target update_translations` does) and
# fails when any text of the interface has no Simplified Chinese translation, or when a
# translation lost a %1-style argument or an accelerator that its source has. Prints lupdate's
# and lrelease's reports.
#   tools/check-translations.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
ts=resources/translations/nsq-inspector_zh_CN.ts
cmake --build "$build" --target update_translations 2>&1 | grep -E "Found|Updating|obsolete" || true
lrelease=$(ls /usr/lib/qt6/bin/lrelease 2>/dev/null || command -v lrelease)
"$lrelease" "$ts" -qm "$(mktemp --suffix=.qm)" | sed 's/^/lrelease: /'
python3 - "$ts" <<'PY'
import re, sys, html
text = open(sys.argv[1], encoding="utf-8").read()
problems = []
for m in re.finditer(r"<message( numerus=\"yes\")?>(.*?)</message>", text, re.S):
    body = m.group(2)
    source = html.unescape(re.search(r"<source>(.*?)</source>", body, re.S).group(1))
    tr = re.search(r"<translation( type=\"(\w+)\")?>(.*?)</translation>|<translation type=\"(\w+)\"/>", body, re.S)
    kind = (tr.group(2) or tr.group(4)) if tr else "missing"
    if kind in ("unfinished", "missing") or not tr.group(3):
        problems.append("untranslated: " + source)
        continue
    translation = html.unescape(re.sub(r"</?numerusform>", "", tr.group(3)))
    args = lambda s: sorted(set(re.findall(r"%L?\d|%n", s)))
    if args(source) != args(translation):
        problems.append("arguments differ: %r -> %r" % (source, translation))
    keys = lambda s: len(re.findall(r"&[^&\s;]", s.replace("&&", "")))
    if keys(source) != keys(translation):
        problems.append("accelerator differs: %r -> %r" % (source, translation))
count = len(re.findall(r"<message", text))
print("translations: %d texts, %d problems" % (count, len(problems)))
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY
