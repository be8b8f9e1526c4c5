#!/usr/bin/env bash
# The run command: install what is missing, build the release configuration, and run a
# program. Until the interpreter exists, that program is the runtime demo (N threads
# sharing objects): scripts/run.sh [threads] [iterations]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
"$root/scripts/build.sh" release >/dev/null
exec "$root/build/release/weft-demo" "$@"
