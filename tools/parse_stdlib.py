#!/usr/bin/env python3
"""Compare weft's parser with CPython's on every .py file under a directory (default:
this Python's standard library). Files that CPython cannot parse, or that use syntax
weft does not parse yet (match, except*), are skipped. Prints the files that differ.

usage: python3 tools/parse_stdlib.py build/release/astdump [DIR] [--limit N]
"""
import ast
import importlib.util
import pathlib
import subprocess
import sys
import sysconfig

spec = importlib.util.spec_from_file_location(
    "expected", pathlib.Path(__file__).parent.parent / "tests/parser/expected.py")


def load_dump():
    # reuse the dump format of tests/parser/expected.py without running its main()
    src = spec.loader.get_data(spec.origin).decode()
    src = src.replace("\nmain()\n", "\n")
    ns = {"__file__": spec.origin}
    exec(compile(src, spec.origin, "exec"), ns)
    return ns["dump"]


def unsupported(tree):
    return any(isinstance(n, (ast.Match, ast.TryStar)) for n in ast.walk(tree))


def main():
    astdump = sys.argv[1]
    root = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith("--") \
        else pathlib.Path(sysconfig.get_paths()["stdlib"])
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 10**9
    dump = load_dump()
    same = differ = skipped = 0
    for path in sorted(root.rglob("*.py"))[:limit]:
        src = path.read_bytes()
        try:
            tree = ast.parse(src)
        except (SyntaxError, ValueError):
            skipped += 1
            continue
        if unsupported(tree):
            skipped += 1
            continue
        lines = src.split(b"\n")
        expected = "".join(dump(s, lines) + "\n" for s in tree.body)
        got = subprocess.run([astdump, str(path)], capture_output=True).stdout.decode(
            errors="replace")
        if got == expected:
            same += 1
        else:
            differ += 1
            exp_l, got_l = expected.splitlines(), got.splitlines()
            for i, (a, b) in enumerate(zip(exp_l, got_l)):
                if a != b:
                    j = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), 0)
                    print(f"DIFF {path} stmt {i + 1}:\n  cpython: ...{a[max(0, j - 100):j + 80]}\n"
                          f"  weft:    ...{b[max(0, j - 100):j + 80]}")
                    break
            else:
                print(f"DIFF {path}: {len(exp_l)} vs {len(got_l)} statements; "
                      f"weft says: {got_l[-1][:200] if got_l else ''}")
    print(f"{same} same, {differ} differ, {skipped} skipped")


main()
