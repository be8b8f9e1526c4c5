#!/usr/bin/env python3
"""Write the expected symbol-table output for every case, as CPython 3.11 computes it.

cases/*.py: the tables of symtable.symtable(src, path, "exec"), walked depth first with
the children in order. Each table is one line, its symbols follow (sorted by name), then
its children, indented two more spaces:

    <type> <name> line <lineno>[ <property> ...]
      params: <varnames in order>                (function tables with parameters)
      <symbol> <SCOPE>[ <word> ...]

<type> is get_type(). The properties are is_nested() ("nested") and fields of the
table entry that the symtable module does not expose (free, child_free, generator,
coroutine, varargs, varkeywords, returns_value, needs_class_closure), read from
CPython 3.11's PySTEntryObject (Include/internal/pycore_symtable.h) with ctypes. <SCOPE>
is the symbol's raw scope (LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL). The
words are the Symbol.is_* methods that return True, in this order: referenced imported
parameter global nonlocal declared_global local annotated free assigned namespace;
then the flags no is_* method shows: free_class (DEF_FREE_CLASS), comp_iter
(DEF_COMP_ITER).

errors/*.py: the SyntaxError that compile() raises (type, message, line, offset). Each
must be raised by the symbol-table pass (symtable.symtable raises it too, and ast.parse
does not), so parser and compiler errors cannot slip in.

usage: python3 tests/symtable/expected.py   (rewrites cases/*.sym and errors/*.err)
"""
import ast
import ctypes
import pathlib
import struct
import symtable
import sys

HERE = pathlib.Path(__file__).parent

SCOPES = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
DEF_FREE_CLASS, DEF_COMP_ITER = 2 << 5, 2 << 8
SCOPE_OFF, SCOPE_MASK = symtable.SCOPE_OFF, symtable.SCOPE_MASK
IS_METHODS = ["referenced", "imported", "parameter", "global", "nonlocal", "declared_global",
              "local", "annotated", "free", "assigned", "namespace"]


def entry_fields(raw):
    """The PySTEntryObject fields of CPython 3.11 after ste_directives: ste_type,
    ste_nested, a bit-field word (free, child_free, generator, coroutine),
    ste_comprehension, a bit-field word (varargs, varkeywords, returns_value,
    needs_class_closure, comp_iter_target), ste_comp_iter_expr, ste_lineno."""
    head = 16 + 6 * 8  # PyObject_HEAD, six object pointers
    typ, nested, bits1, comp, bits2, _, lineno = struct.unpack_from(
        "iiIiIii", ctypes.string_at(id(raw), head + 28), head)
    # the fields the entry object does expose must agree, or the layout is wrong
    assert (typ, nested, lineno) == (raw.type, raw.nested, raw.lineno), "layout mismatch"
    props = {
        "free": bits1 & 1, "child_free": bits1 & 2, "generator": bits1 & 4,
        "coroutine": bits1 & 8, "varargs": bits2 & 1, "varkeywords": bits2 & 2,
        "returns_value": bits2 & 4, "needs_class_closure": bits2 & 8,
    }
    return [name for name, on in props.items() if on]


def dump(table, out, indent=""):
    raw = table._table
    props = (["nested"] if table.is_nested() else []) + entry_fields(raw)
    out.append(f"{indent}{table.get_type()} {table.get_name()} line {table.get_lineno()}"
               + "".join(" " + p for p in props))
    if raw.varnames:
        out.append(f"{indent}  params: {' '.join(raw.varnames)}")
    for name in sorted(table.get_identifiers()):
        sym = table.lookup(name)
        flags = raw.symbols[name]
        words = [m for m in IS_METHODS if getattr(sym, "is_" + m)()]
        if flags & DEF_FREE_CLASS:
            words.append("free_class")
        if flags & DEF_COMP_ITER:
            words.append("comp_iter")
        scope = SCOPES[(flags >> SCOPE_OFF) & SCOPE_MASK]
        out.append(f"{indent}  {name} {scope}" + "".join(" " + w for w in words))
    for child in table.get_children():
        dump(child, out, indent + "  ")


def error_line(e):
    return f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset})"


def main():
    if sys.version_info[:2] != (3, 11):
        raise SystemExit("expected.py reads CPython 3.11's symbol table entries: run it with 3.11")
    for path in sorted((HERE / "cases").glob("*.py")):
        src = path.read_text(encoding="utf-8")
        out = []
        dump(symtable.symtable(src, str(path), "exec"), out)
        path.with_suffix(".sym").write_text("\n".join(out) + "\n")
    for path in sorted((HERE / "errors").glob("*.py")):
        src = path.read_bytes()
        try:
            ast.parse(src)
        except SyntaxError as e:
            raise SystemExit(f"{path}: the parser raises {error_line(e)}: not a symtable error")
        try:
            compile(src, str(path), "exec")
        except SyntaxError as e:
            line = error_line(e)
        else:
            raise SystemExit(f"{path} compiles: move it to cases/")
        try:
            symtable.symtable(src.decode("utf-8"), str(path), "exec")
        except SyntaxError as e:
            if error_line(e) != line:
                raise SystemExit(f"{path}: compile() says {line}, symtable {error_line(e)}")
        else:
            raise SystemExit(f"{path}: {line} comes from the compiler, not the symtable pass")
        path.with_suffix(".err").write_text(line + "\n")


if __name__ == "__main__":
    main()
