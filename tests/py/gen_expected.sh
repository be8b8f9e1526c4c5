#!/bin/sh
# Regenerate the expected outputs (NAME.out, NAME.err, NAME.status) of the
# differential test corpus by running every program (or the named ones) with
# real CPython 3.11.  Usage: tests/py/gen_expected.sh [NAME...]
# Set PYTHON to override the interpreter (must be CPython 3.11.x, not a shim).
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 2
PY=${PYTHON:-/root/.pyenv/versions/3.11.7/bin/python3}
if [ ! -x "$PY" ]; then
    PY=$(python3 -c 'import sys; print(sys.executable)')
fi
case $("$PY" -c 'import sys; print(sys.version_info[:2] == (3, 11))') in
    True) ;;
    *) echo "gen_expected.sh: $PY is not CPython 3.11" >&2; exit 2 ;;
esac
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

for n in $names; do
    n=${n%.py}
    [ -f "$n.py" ] || { echo "no such test: $n" >&2; continue; }
    inp=/dev/null
    [ -f "$n.in" ] && inp="$n.in"
    if [ -f "$n.args" ]; then
        # one argument per line
        set --
        while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done < "$n.args"
    else
        set --
    fi
    timeout 10 "$PY" "$n.py" "$@" < "$inp" > "$n.out.raw" 2> "$n.err.raw"
    st=$?
    normalize < "$n.out.raw" > "$n.out"
    normalize < "$n.err.raw" > "$n.err.new"
    rm -f "$n.out.raw" "$n.err.raw"
    if [ -s "$n.err.new" ]; then mv "$n.err.new" "$n.err"; else rm -f "$n.err.new" "$n.err"; fi
    if [ $st -ne 0 ]; then echo "$st" > "$n.status"; else rm -f "$n.status"; fi
    rm -f ./*.tmp
done
