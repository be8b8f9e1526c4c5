#!/usr/bin/env python3
"""Write the expected tokenizer output for every case, as CPython produces it.

cases/*.py are valid Python: their expected output is CPython's tokenize stream minus
ENCODING, COMMENT and NL tokens, operators by their exact type, in the format that
tests/tokenizer/tokdump.c prints. errors/*.py do not compile: their expected output is
the SyntaxError that compile() raises (type, message, line, offset), which must be the
one `python3 FILE` reports (for some source-encoding errors they differ: those are
tested in tests/unit/test_tokenizer.c instead).

usage: python3 tests/tokenizer/expected.py   (rewrites cases/*.tok and errors/*.tok)
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import token
import tokenize

HERE = pathlib.Path(__file__).parent
SKIP = {token.ENCODING, token.COMMENT, token.NL}


def escape(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def tokens(path):
    lines = []
    with open(path, "rb") as f:
        for t in tokenize.tokenize(f.readline):
            if t.type in SKIP:
                continue
            name = token.tok_name[t.exact_type]
            lines.append(f"{t.start[0]},{t.start[1]}-{t.end[0]},{t.end[1]}: {name} '{escape(t.string)}'")
    return lines


# Installed as sitecustomize for `python3 FILE`: prints the SyntaxError it reports.
HOOK = """import sys
def hook(kind, e, tb):
    print(f"{kind.__name__}: {e.msg} (line {e.lineno or 0}, offset {e.offset or 0})")
sys.excepthook = hook
"""


def error(path, hook_dir):
    src = path.read_bytes()
    try:
        compile(src, str(path), "exec")
    except SyntaxError as e:
        got = f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset})"
    else:
        raise SystemExit(f"{path} compiles: it belongs in cases/, not errors/")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=hook_dir)).stdout.strip()
    if run != got:
        raise SystemExit(f"{path}: compile() reports {got!r} but python3 FILE {run!r}; "
                         "test it in tests/unit/test_tokenizer.c instead")
    return [got]


def main():
    for path in sorted((HERE / "cases").glob("*.py")):
        path.with_suffix(".tok").write_text("\n".join(tokens(path)) + "\n")
    with tempfile.TemporaryDirectory() as hook_dir:
        pathlib.Path(hook_dir, "sitecustomize.py").write_text(HOOK)
        for path in sorted((HERE / "errors").glob("*.py")):
            path.with_suffix(".tok").write_text("\n".join(error(path, hook_dir)) + "\n")


main()
