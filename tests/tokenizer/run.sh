#!/usr/bin/env bash
# Differential tokenizer test: weft's tokens (tokdump) for every case must equal the
# checked-in output of CPython's tokenizer (tests/tokenizer/expected.py).
# usage: run.sh PATH/TO/tokdump
set -uo pipefail
tokdump=${1:?usage: run.sh tokdump}
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
for src in "$here"/cases/*.py "$here"/errors/*.py; do
  expected="${src%.py}.tok"
  # an error case compares only the error: the last line
  filter=cat
  [[ $src == */errors/* ]] && filter="tail -n 1"
  if diff -u --label "expected (CPython)" --label "weft" "$expected" \
      <("$tokdump" "$src" | $filter | sed "s#$here/##g") >/tmp/tokdiff.$$ 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL ${src#$here/}"
    head -n 20 /tmp/tokdiff.$$
  fi
done
rm -f /tmp/tokdiff.$$
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
