#!/usr/bin/env bash
# The run command: install what is missing, build the release configuration, and run a
# Python program with weft: scripts/run.sh FILE [args] (or -c CODE, or nothing for the
# interactive prompt). scripts/run.sh --demo [threads] [iterations] runs the C demo of
# the runtime (N threads sharing objects) instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh" release >/dev/null
if [[ "${1:-}" == "--demo" ]]; then
  shift
  exec "$root/build/release/weft-demo" "$@"
fi
exec "$root/build/release/weft" "$@"
