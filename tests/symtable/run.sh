#!/usr/bin/env bash
# Differential symbol-table test: weft's table (symdump) for every case must equal the
# checked-in dump of CPython's symtable module; every error case must raise the same
# SyntaxError (tests/symtable/expected.py writes both).
# usage: run.sh PATH/TO/symdump
set -uo pipefail
symdump=${1:?usage: run.sh symdump}
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT
for src in "$here"/cases/*.py "$here"/errors/*.py; do
  expected="${src%.py}.sym"
  [[ $src == */errors/* ]] && expected="${src%.py}.err"
  if diff -u --label "expected (CPython)" --label "weft" "$expected" \
      <("$symdump" "$src") >"$scratch" 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL ${src#$here/}"
    head -c 3000 "$scratch"
    echo
  fi
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
