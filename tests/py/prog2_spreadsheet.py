# Spreadsheet with formula cells compiled via compile()/eval(), dependency ordering, cycle detection,
# and a final uncaught error whose __str__ itself fails while the traceback is printed.
import sys


class CellError(Exception):
    def __init__(self, ref, detail):
        super().__init__(ref, detail)
        self.ref, self.detail = ref, detail

    def __str__(self):
        return f"{self.ref}: {self.detail}"


class CycleError(CellError):
    pass


class ReportError(Exception):
    def __init__(self, sheet):
        super().__init__()
        self.sheet = sheet

    def __str__(self):
        return f"report failed for sheet {self.sheet.title}"


def col_range(a, b):
    (c1, r1), (c2, r2) = (a[0], int(a[1:])), (b[0], int(b[1:]))
    return [f"{chr(c)}{r}" for c in range(ord(c1), ord(c2) + 1) for r in range(r1, r2 + 1)]


class Sheet:
    FUNCS = {"SUM": lambda *xs: sum(xs), "AVG": lambda *xs: sum(xs) / len(xs), "MAX": max, "MIN": min,
             "IF": lambda c, a, b: a if c else b, "ROUND": round, "LEN": len}

    def __init__(self, title):
        self.title = title
        self.raw, self.code, self.deps = {}, {}, {}

    def set(self, ref, text):
        self.raw[ref] = text
        if isinstance(text, str) and text.startswith("="):
            expr = text[1:]
            while ":" in expr:
                i = expr.index(":")
                a, b = expr[i - 2:i], expr[i + 1:i + 3]
                expr = expr[:i - 2] + "*[" + ", ".join(col_range(a, b)) + "]" + expr[i + 3:]
            try:
                self.code[ref] = compile(expr, f"<cell {ref}>", "eval")
            except SyntaxError as e:
                raise CellError(ref, f"syntax error: {e.msg}") from None
            self.deps[ref] = sorted(n for n in self.code[ref].co_names if n not in self.FUNCS)
        else:
            self.code.pop(ref, None)
            self.deps[ref] = []

    def order(self):
        state, out = {}, []

        def visit(ref, path):
            if state.get(ref) == "done":
                return
            if state.get(ref) == "active":
                raise CycleError(ref, "cycle " + " -> ".join(path + [ref]))
            state[ref] = "active"
            for d in self.deps.get(ref, []):
                visit(d, path + [ref])
            state[ref] = "done"
            out.append(ref)

        for ref in sorted(self.raw):
            visit(ref, [])
        return out

    def evaluate(self):
        values = {}
        for ref in self.order():
            if ref not in self.raw:
                values[ref] = 0
            elif ref in self.code:
                env = dict(self.FUNCS, **values)
                try:
                    values[ref] = eval(self.code[ref], {"__builtins__": {}}, env)
                except Exception as e:
                    values[ref] = f"#ERR({type(e).__name__})"
            else:
                values[ref] = self.raw[ref]
        return values


s = Sheet("Q3 budget")
data = {"A1": 120, "A2": 80.5, "A3": 99, "B1": "=A1*2", "B2": "=SUM(A1:A3)", "B3": "=AVG(A1:A3)",
        "C1": "=ROUND(B3, 2)", "C2": "=IF(B2 > 300, 'big', 'small')", "C3": "=B1 / (A3 - 99)",
        "D1": "=LEN('weft') + MAX(A1:A3) - MIN(A1, A2)", "D2": "=Z9 + 1", "D3": "=C2 * 2"}
for ref, v in data.items():
    s.set(ref, v)
vals = s.evaluate()
for row in range(1, 4):
    print(" | ".join(f"{str(vals.get(c + str(row), '')):>14}" for c in "ABCD"))
print(s.order()[:6], s.deps["B2"], s.deps["D1"], s.code["B1"].co_filename)
for ref, bad in [("E1", "=1 +"), ("E2", "=A1 A2")]:
    try:
        s.set(ref, bad)
    except CellError as e:
        print(type(e).__name__, e, e.args, e.__suppress_context__)
s.set("E1", "=E2 + 1")
s.set("E2", "=E3 * 2")
s.set("E3", "=E1")
try:
    s.evaluate()
except CycleError as e:
    print("CycleError:", e.detail)
try:
    eval("__import__('sys')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
print(eval("x + y", {"x": 1}, {"y": 2}), eval("[n * n for n in range(k)]", {"k": 4, "range": range}))
g = {}
exec("def f(n):\n    return n * scale\nscale = 3\nres = f(7)", g)
print(g["res"], g["f"].__name__, g["f"].__globals__ is g, "__builtins__" in g)
ReportError.__str__ = lambda self: f"report failed for sheet {self.sheet.titel}"


def publish(sheet):
    try:
        sheet.evaluate()
    except CellError as exc:
        raise ReportError(sheet) from exc


publish(s)
