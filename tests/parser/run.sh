#!/usr/bin/env bash
# Differential parser test: weft's AST (astdump) for every case must equal the
# checked-in dump of CPython's ast module; every error case must raise the same
# SyntaxError (tests/parser/expected.py writes both).
# usage: run.sh PATH/TO/astdump
set -uo pipefail
astdump=${1:?usage: run.sh astdump}
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT
for src in "$here"/cases/*.py "$here"/errors/*.py; do
  expected="${src%.py}.ast"
  [[ $src == */errors/* ]] && expected="${src%.py}.err"
  if diff -u --label "expected (CPython)" --label "weft" "$expected" \
      <("$astdump" "$src" | sed "s#$here/##g") >"$scratch" 2>&1; then
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
