#!/usr/bin/env bash
# Configure and build one configuration: build.sh release|asan|tsan|fuzz
# Build trees live in build/<config>; re-running only rebuilds what changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
config=${1:?usage: build.sh release|asan|tsan|fuzz}
jobs=$(nproc)

case "$config" in
  release) args=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan)    args=(-DCMAKE_BUILD_TYPE=Debug -DWEFT_SANITIZE=address) ;;
  tsan)    args=(-DCMAKE_BUILD_TYPE=Debug -DWEFT_SANITIZE=thread -DCMAKE_C_COMPILER=clang) ;;
  fuzz)    args=(-DCMAKE_BUILD_TYPE=Debug -DWEFT_SANITIZE=fuzzer -DCMAKE_C_COMPILER=clang) ;;
  *) echo "unknown configuration: $config" >&2; exit 2 ;;
esac

dir="$root/build/$config"
if [[ ! -f "$dir/build.ninja" ]]; then
  cmake -S "$root" -B "$dir" -G Ninja "${args[@]}" >/dev/null
fi
cmake --build "$dir" -j "$jobs"
