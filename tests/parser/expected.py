#!/usr/bin/env python3
"""Write the expected parser output for every case, as CPython produces it.

cases/*.py: ast.parse's tree, dumped like ast.dump but with each node's location
(@line:col-endline:endcol, columns in UTF-8 bytes as in the ast module) after its name,
and number constants shown as their source text (the parser keeps literals as text;
the compiler makes the objects). Nodes inside f-strings carry no location (3.11's are
not meaningful). errors/*.py: the SyntaxError that compile() raises (type, message,
line, offset).

usage: python3 tests/parser/expected.py   (rewrites cases/*.ast and errors/*.err)
"""
import ast
import pathlib

HERE = pathlib.Path(__file__).parent
SKIP_FIELDS = {"type_comment", "type_ignores"}


def constant(node, lines):
    v = node.value
    if isinstance(v, bool) or v is None or v is Ellipsis:
        return repr(v)
    if isinstance(v, (int, float, complex)):
        line = lines[node.lineno - 1]
        return line[node.col_offset:node.end_col_offset].decode()
    return repr(v)


def dump(node, lines, in_fstring=False):
    if isinstance(node, list):
        return "[" + ", ".join(dump(x, lines, in_fstring) for x in node) + "]"
    if not isinstance(node, ast.AST):
        return repr(node)
    inner = in_fstring or isinstance(node, ast.JoinedStr)
    parts = []
    for field in node._fields:
        if field in SKIP_FIELDS:
            continue
        if isinstance(node, ast.Constant) and field == "value":
            parts.append(f"value={constant(node, lines)}")
        else:
            parts.append(f"{field}={dump(getattr(node, field), lines, inner)}")
    pos = ""
    if hasattr(node, "lineno") and not in_fstring:
        pos = f"@{node.lineno}:{node.col_offset}-{node.end_lineno}:{node.end_col_offset}"
    return f"{type(node).__name__}{pos}({', '.join(parts)})"


def main():
    for path in sorted((HERE / "cases").glob("*.py")):
        src = path.read_bytes()
        tree = ast.parse(src)
        lines = src.split(b"\n")
        out = "".join(dump(stmt, lines) + "\n" for stmt in tree.body)
        path.with_suffix(".ast").write_text(out)
    for path in sorted((HERE / "errors").glob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec")
        except SyntaxError as e:
            line = f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset})"
        else:
            raise SystemExit(f"{path} compiles: move it to cases/")
        path.with_suffix(".err").write_text(line + "\n")


main()
