#!/bin/sh
# Shell tests of the weft command: options, exit statuses, argv, stdin mode, the
# interactive loop fed through -i, the missing-file message, and Python programs
# whose expected output (cases/*.out) is CPython 3.11's.
# Usage: run.sh /path/to/weft
WEFT=${1:?usage: run.sh WEFT}
[ -x "$WEFT" ] || { echo "no executable $WEFT"; exit 1; }
CASES=$(dirname "$0")/cases
TMP=$(mktemp -d)
# Code objects, modules and classes are immortal until the cycle collector exists
# (DESIGN "Deferred reference counting"), so LeakSanitizer would report them at exit.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
trap 'rm -rf "$TMP"' EXIT
fails=0

fail() {
    echo "FAIL: $*"
    fails=$((fails + 1))
}

# expect NAME STATUS STDOUT STDERR-PREFIX -- command...
expect() {
    name=$1 status=$2 out=$3 err=$4
    shift 5
    "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
    [ "$rc" = "$status" ] || fail "$name: status $rc, expected $status ($(head -c 300 "$TMP/err"))"
    [ "$(cat "$TMP/out")" = "$out" ] || fail "$name: stdout [$(cat "$TMP/out")], expected [$out]"
    case "$(cat "$TMP/err")" in
    "$err"*) ;;
    *) fail "$name: stderr [$(cat "$TMP/err")], expected to start with [$err]" ;;
    esac
}

expect version 0 "weft 0.1 (Python 3.11 compatible)" "" -- "$WEFT" --version
expect version_short 0 "weft 0.1 (Python 3.11 compatible)" "" -- "$WEFT" -V
expect unknown_short 2 "" "Unknown option: -Z
usage: weft" -- "$WEFT" -Z
expect unknown_long 2 "" "unknown option --foo" -- "$WEFT" --foo
expect c_without_arg 2 "" "Argument expected for the -c option" -- "$WEFT" -c
expect missing_file 2 "" "weft: can't open file '$(pwd)/no_such_file.py': [Errno 2] No such file or directory" \
    -- "$WEFT" no_such_file.py
expect directory 1 "" "weft: can't find '__main__' module in '$TMP'" -- "$WEFT" "$TMP"
expect help 0 "usage: weft [option] ... [-c cmd | -m mod | file | -] [arg] ..." "" -- sh -c "\"$WEFT\" -h | head -1"
expect c_argv 0 "['-c', 'a', 'b']" "" -- "$WEFT" -c "import sys; print(sys.argv)" a b
expect c_cluster 0 "['-c', 'x']" "" -- "$WEFT" -Bc "import sys; print(sys.argv)" x
expect exit_int 3 "" "" -- "$WEFT" -c "raise SystemExit(3)"
expect exit_none 0 "" "" -- "$WEFT" -c "import sys; sys.exit()"
expect exit_str 1 "" "bye" -- "$WEFT" -c "import sys; sys.exit('bye')"
expect uncaught 1 "" "Traceback (most recent call last):" -- "$WEFT" -c "1/0"
expect stdin_dash 0 "['-', 'x']" "" -- sh -c "echo 'import sys; print(sys.argv)' | \"$WEFT\" - x"
expect stdin_piped 0 "[''] 2" "" -- sh -c "echo 'import sys; print(sys.argv, 1 + 1)' | \"$WEFT\""
expect stdin_traceback 1 "" "Traceback (most recent call last):
  File \"<stdin>\", line 1, in <module>" -- sh -c "echo 'x' | \"$WEFT\" -"
expect repl_values 0 "2
5
'a'" "" -- sh -c "printf '1 + 1\nx = 5\nx\nNone\n\"a\"\n' | \"$WEFT\" -i"
expect repl_block 0 "0
1
done" "" -- sh -c "printf 'for i in range(2):\n    print(i)\n\nprint(\"done\")\n' | \"$WEFT\" -i"
expect repl_brackets 0 "[1, 2]" "" -- sh -c "printf 'x = [1,\n 2]\nx\n' | \"$WEFT\" -i"
expect repl_error_continues 0 "after" "" -- sh -c "printf '1/0\nprint(\"after\")\n' | \"$WEFT\" -i 2>/dev/null"
expect repl_exit 4 "" "" -- sh -c "printf 'import sys\nsys.exit(4)\nprint(1)\n' | \"$WEFT\" -i 2>/dev/null"
expect stdout_buffer 0 "a
b" "" -- "$WEFT" -u -c "import sys; print('a'); sys.stdout.buffer.write(b'b\\n')"
expect unclosed_file_flushed 0 "data" "" -- sh -c "cd \"$TMP\" && \"$WEFT\" -c 'f = open(\"left.txt\", \"w\"); f.write(\"data\")
def keeps_globals_alive(): pass' && cat left.txt"
expect path0_command 0 "''" "" -- "$WEFT" -c "import sys; print(repr(sys.path[0]))"
mkdir -p "$TMP/sub" && echo "import sys; print(sys.path[0])" >"$TMP/sub/p.py"
expect path0_script 0 "$(cd "$TMP/sub" && pwd -P)" "" -- "$WEFT" "$TMP/sub/p.py"
expect flush_at_exit 0 "no newline" "" -- "$WEFT" -c "print('no newline', end='')"

# A closed pipe is a BrokenPipeError (SIGPIPE ignored, as CPython), status 1.
(("$WEFT" -c "for i in range(100000): print(i)"; echo "status $?" >"$TMP/status") | head -1) \
    >"$TMP/out" 2>"$TMP/err"
[ "$(cat "$TMP/out")" = "0" ] && [ "$(cat "$TMP/status")" = "status 1" ] &&
    grep -q "^BrokenPipeError: \[Errno 32\] Broken pipe" "$TMP/err" ||
    fail "broken_pipe: [$(cat "$TMP/out")] [$(cat "$TMP/status")] [$(cat "$TMP/err")]"

# Programs compared with CPython's output (stdout, then the exit status); name.in, if
# present, is their standard input.
for py in "$CASES"/*.py; do
    name=$(basename "$py" .py)
    input=/dev/null
    [ -f "${py%.py}.in" ] && input=${py%.py}.in
    (cd "$TMP" && "$WEFT" "$py" arg1 >"$TMP/out" 2>"$TMP/err" <"$input"; echo "status $?" >>"$TMP/out")
    if ! diff -u "${py%.py}.out" "$TMP/out" >"$TMP/diff"; then
        fail "$name: output differs from CPython's"
        head -40 "$TMP/diff"
        head -20 "$TMP/err"
    fi
done

# Interactive sessions (name.repl fed to -i): stdout compared with CPython's.
for repl in "$CASES"/*.repl; do
    name=$(basename "$repl" .repl)
    (cd "$TMP" && "$WEFT" -i <"$repl" >"$TMP/out" 2>"$TMP/err"; echo "status $?" >>"$TMP/out")
    if ! diff -u "$repl.out" "$TMP/out" >"$TMP/diff"; then
        fail "$name: interactive output differs from CPython's"
        head -40 "$TMP/diff"
    fi
done

if [ "$fails" -ne 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
echo "all cli tests passed"
