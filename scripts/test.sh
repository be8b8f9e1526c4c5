#!/usr/bin/env bash
# The test command: install what is missing, then build and run every test in the three
# configurations CI uses — release (-O2), debug with ASan+UBSan, and clang with TSan —
# and fuzz the front end for 60 seconds. Any failure fails the run.
# Usage: scripts/test.sh [release|asan|tsan|fuzz ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"

configs=("$@")
[[ ${#configs[@]} -gt 0 ]] || configs=(fuzz release asan tsan)

status=0
for config in "${configs[@]}"; do
  echo "=== $config ==="
  "$root/scripts/build.sh" "$config"
  if [[ "$config" == fuzz ]]; then
    "$root/scripts/fuzz.sh" 60 || status=1
  elif ! (cd "$root/build/$config" && ctest --output-on-failure -j 2); then
    status=1
  fi
done
exit $status
