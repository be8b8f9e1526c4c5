#!/usr/bin/env bash
# Fuzz the front end: scripts/fuzz.sh [seconds] (default 60). Needs build/fuzz
# (scripts/build.sh fuzz). Seeds come from the tokenizer test corpus; new inputs go to
# a scratch corpus, crashes to build/fuzz/findings/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for dir in tokenizer/cases tokenizer/errors parser/cases parser/errors; do
  for f in "$root"/tests/$dir/*.py; do cp "$f" "$corpus/${dir//\//_}_$(basename "$f")"; done
done
mkdir -p "$root/build/fuzz/findings"
"$root/build/fuzz/fuzz_frontend" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$root/build/fuzz/findings/" \
  "$corpus" 2>&1 | grep -vE '^#[0-9]+' | tail -n 25
