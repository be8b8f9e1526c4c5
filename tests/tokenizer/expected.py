#!/usr/bin/env python3
"""Write the expected tokenizer output for every case, as CPython produces it.

cases/*.py are valid Python: their expected output is CPython's tokenize stream minus
ENCODING, COMMENT and NL tokens, operators by their exact type, in the format that
tests/tokenizer/tokdump.c prints. errors/*.py do not compile: their expected output is
the SyntaxError that compile() raises (type, message, line, offset).

usage: python3 tests/tokenizer/expected.py   (rewrites cases/*.tok and errors/*.tok)
"""
import pathlib
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


def error(path):
    src = path.read_bytes()
    try:
        compile(src, str(path), "exec")
    except SyntaxError as e:
        return [f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset})"]
    raise SystemExit(f"{path} compiles: it belongs in cases/, not errors/")


def main():
    for path in sorted((HERE / "cases").glob("*.py")):
        path.with_suffix(".tok").write_text("\n".join(tokens(path)) + "\n")
    for path in sorted((HERE / "errors").glob("*.py")):
        path.with_suffix(".tok").write_text("\n".join(error(path)) + "\n")


main()
