#!/bin/sh
# Self-test of the benchmark suites: run every --quick program once on each interpreter and
# check that the outputs agree with the reference (python3's). No timing. Exits non-zero if
# an interpreter that is present and expected to pass (see bench/expected_failures.txt)
# fails or prints something different. Extra arguments go to run.py, e.g.
#   bench/selftest.sh --weft none                 # python3 only
#   bench/selftest.sh --weft "$(command -v python3)"   # CPython standing in for weft
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${TMPDIR:-/tmp}/weft-bench-selftest.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
python3 "$here/run.py" --quick --check-only --json "$out/check.json" --svg "$out/scaling.svg" "$@"
