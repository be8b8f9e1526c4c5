#!/bin/sh
# Differential test runner.
# Usage: tests/py/run.sh [--known-failures FILE] INTERPRETER [NAME...]
# --known-failures: programs listed in FILE (one name per line, # comments) are
# expected to fail: their failure is reported as XFAIL and does not fail the run,
# but one that passes fails the run (XPASS), so the list only ever shrinks.
# Runs each program (all tests/py/*.py, or the named ones) with INTERPRETER
# from inside tests/py, exactly as gen_expected.sh ran CPython, and compares
# stdout, stderr and the exit status with NAME.out / NAME.err / NAME.status.
set -u
known=
if [ "${1:-}" = "--known-failures" ]; then
    known=$(sed -e 's/#.*//' "$2" | tr -s ' \n' '\n' | grep -v '^$')
    shift 2
fi
is_known() { printf '%s\n' "$known" | grep -qx "$1"; }
xfail=0
if [ $# -lt 1 ]; then
    echo "usage: $0 INTERPRETER [NAME...]" >&2
    exit 2
fi
interp=$1; shift
case $interp in
    /*) ;;
    */*) interp=$(cd "$(dirname "$interp")" && pwd)/$(basename "$interp") ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 2
# CPython 3.11 makes the script's path absolute in tracebacks and warnings
# (File "/abs/dir/name.py"); strip the directory so expected files are
# portable and say File "name.py".  run.sh applies the same filter.
esc() { printf '%s\n' "$1" | sed 's/[][\.*^$|]/\\&/g'; }
dir_l=$(esc "$(pwd)/")
dir_p=$(esc "$(pwd -P)/")
normalize() { sed -e "s|$dir_l||g" -e "s|$dir_p||g"; }
export PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1
export LC_ALL=C.UTF-8
unset PYTHONSTARTUP PYTHONPATH PYTHONWARNINGS 2>/dev/null

if [ $# -gt 0 ]; then
    names="$*"
else
    names=$(ls *.py | sed 's/\.py$//')
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weft-pytests.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
failed=
for n in $names; do
    n=${n%.py}
    n=${n##*/}
    if [ ! -f "$n.py" ]; then
        echo "FAIL $n (no such test)"
        fail=$((fail + 1)); failed="$failed $n"; continue
    fi
    inp=/dev/null
    [ -f "$n.in" ] && inp="$n.in"
    set --
    if [ -f "$n.args" ]; then
        while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done < "$n.args"
    fi
    timeout 10 "$interp" "$n.py" "$@" < "$inp" > "$tmp/out.raw" 2> "$tmp/err.raw"
    st=$?
    normalize < "$tmp/out.raw" > "$tmp/out"
    normalize < "$tmp/err.raw" > "$tmp/err"
    rm -f ./*.tmp
    echo "$st" > "$tmp/status"
    : > "$tmp/exp_err"
    [ -f "$n.err" ] && cp "$n.err" "$tmp/exp_err"
    if [ -f "$n.status" ]; then cp "$n.status" "$tmp/exp_status"; else echo 0 > "$tmp/exp_status"; fi
    ok=1
    cmp -s "$n.out" "$tmp/out" || ok=0
    cmp -s "$tmp/exp_err" "$tmp/err" || ok=0
    cmp -s "$tmp/exp_status" "$tmp/status" || ok=0
    if [ $ok -eq 1 ] && is_known "$n"; then
        fail=$((fail + 1)); failed="$failed $n"
        echo "XPASS $n (passes now: remove it from the known failures)"
    elif [ $ok -eq 1 ]; then
        pass=$((pass + 1))
    elif is_known "$n"; then
        xfail=$((xfail + 1))
        echo "XFAIL $n"
    else
        fail=$((fail + 1)); failed="$failed $n"
        echo "FAIL $n"
        [ "$st" -eq 124 ] && echo "  (timed out after 10 s)"
        if ! cmp -s "$n.out" "$tmp/out"; then
            diff -u --label "$n.out (expected)" --label "$n.out (actual)" "$n.out" "$tmp/out" | head -n 20 | sed 's/^/  /'
        fi
        if ! cmp -s "$tmp/exp_err" "$tmp/err"; then
            diff -u --label "$n.err (expected)" --label "$n.err (actual)" "$tmp/exp_err" "$tmp/err" | head -n 20 | sed 's/^/  /'
        fi
        if ! cmp -s "$tmp/exp_status" "$tmp/status"; then
            echo "  exit status: expected $(cat "$tmp/exp_status"), got $st"
        fi
    fi
done
echo "$pass passed, $fail failed, $xfail known failures"
[ $fail -eq 0 ]
