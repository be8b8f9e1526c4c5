#!/usr/bin/env python3
"""Compare weft's symbol table with CPython's on every .py file under a directory
(default: this Python's standard library), in the format of tests/symtable/expected.py.
Files that CPython cannot compile, or that use syntax weft does not parse yet (match,
except*), are skipped. Prints the files that differ, with the first differing line.

usage: python3 tools/symtable_stdlib.py build/release/symdump [DIR] [--limit N]
"""
import ast
import pathlib
import subprocess
import sys
import symtable
import sysconfig

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "tests/symtable"))
from expected import dump, error_line  # noqa: E402


def unsupported(tree):
    return any(isinstance(n, (ast.Match, ast.TryStar)) for n in ast.walk(tree))


def expected_output(path, src):
    """CPython's table, or its symtable-pass SyntaxError; None to skip the file."""
    try:
        tree = ast.parse(src)
    except (SyntaxError, ValueError):
        return None
    if unsupported(tree):
        return None
    try:
        text = src.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        out = []
        dump(symtable.symtable(text, str(path), "exec"), out)
        return "\n".join(out) + "\n"
    except SyntaxError as e:
        return error_line(e) + "\n"


def main():
    symdump = sys.argv[1]
    root = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith("--") \
        else pathlib.Path(sysconfig.get_paths()["stdlib"])
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 10**9
    same = differ = skipped = 0
    for path in sorted(root.rglob("*.py"))[:limit]:
        src = path.read_bytes()
        expected = expected_output(path, src)
        if expected is None:
            skipped += 1
            continue
        got = subprocess.run([symdump, str(path)], capture_output=True).stdout.decode(
            errors="replace")
        if got == expected:
            same += 1
            continue
        differ += 1
        exp_l, got_l = expected.splitlines(), got.splitlines()
        for i, (a, b) in enumerate(zip(exp_l, got_l)):
            if a != b:
                print(f"DIFF {path} line {i + 1}:\n  cpython: {a[:200]}\n  weft:    {b[:200]}")
                break
        else:
            print(f"DIFF {path}: {len(exp_l)} vs {len(got_l)} lines; "
                  f"weft ends: {got_l[-1][:200] if got_l else ''}")
    print(f"{same} same, {differ} differ, {skipped} skipped")


main()
