#!/usr/bin/env bash
# Install the Debian packages weft needs, if any are missing. Idempotent: when all are
# present it only runs dpkg-query and returns.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config  # toolchain
  clang libclang-rt-14-dev                      # the ThreadSanitizer build
  libmimalloc-dev                               # per-thread heaps (release builds)
  liburcu-dev                                   # QSBR (urcu-qsbr flavour)
  libcmocka-dev                                 # unit tests
  python3                                       # the benchmark runner (bench/run.py)
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "weft: installing missing packages: ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
