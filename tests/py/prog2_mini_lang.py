# A tiny indentation-based language: tokenizer with INDENT/DEDENT, recursive-descent parser to AST
# node classes, a tree-walking interpreter with closures and return via exception, and a pretty-printer.
import sys

SRC = """
def make_adder(n):
    def add(x):
        return x + n
    return add

def fact(n):
    if n < 2:
        return 1
    return n * fact(n - 1)

add5 = make_adder(5)
i = 0
total = 0
while i < 5:
    total = total + add5(i)
    i = i + 1
print(total, fact(20))
if total > 100:
    print(1)
else:
    print(fact(5) - total)
"""


class Tok:
    def __init__(self, kind, val, line):
        self.kind, self.val, self.line = kind, val, line

    def __repr__(self):
        return f"{self.kind}:{self.val!r}"


def tokenize(src):
    indents = [0]
    for lineno, line in enumerate(src.splitlines(), 1):
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip(" "))
        if width > indents[-1]:
            indents.append(width)
            yield Tok("INDENT", width, lineno)
        while width < indents[-1]:
            indents.pop()
            yield Tok("DEDENT", width, lineno)
        if width != indents[-1]:
            raise IndentationError(f"line {lineno}: unindent does not match any outer level")
        i, s = 0, line.strip()
        while i < len(s):
            c = s[i]
            if c == " ":
                i += 1
            elif c.isdigit():
                j = i
                while j < len(s) and s[j].isdigit():
                    j += 1
                yield Tok("NUM", int(s[i:j]), lineno)
                i = j
            elif c.isalpha() or c == "_":
                j = i
                while j < len(s) and (s[j].isalnum() or s[j] == "_"):
                    j += 1
                w = s[i:j]
                yield Tok("KW" if w in {"def", "return", "if", "else", "while"} else "NAME", w, lineno)
                i = j
            else:
                two = s[i:i + 2]
                op = two if two in ("==", "!=", "<=", ">=") else c
                yield Tok("OP", op, lineno)
                i += len(op)
        yield Tok("NL", None, lineno)
    for _ in indents[1:]:
        yield Tok("DEDENT", 0, -1)
    yield Tok("EOF", None, -1)


class Node:
    fields = ()

    def __init__(self, *args):
        for f, a in zip(self.fields, args, strict=True):
            setattr(self, f, a)

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(repr(getattr(self, f)) for f in self.fields)})"


def node(name, *fields):
    return type(name, (Node,), {"fields": fields})


Num, Var, BinOp, Call = node("Num", "v"), node("Var", "name"), node("BinOp", "op", "l", "r"), node("Call", "fn", "args")
Assign, If, While = node("Assign", "name", "e"), node("If", "cond", "body", "orelse"), node("While", "cond", "body")
Def, Return, ExprStmt = node("Def", "name", "params", "body"), node("Return", "e"), node("ExprStmt", "e")
PREC = {"<": 1, ">": 1, "==": 1, "!=": 1, "<=": 1, ">=": 1, "+": 2, "-": 2, "*": 3, "/": 3}


class Parser:
    def __init__(self, toks):
        self.toks, self.i = list(toks), 0

    def peek(self, *vals):
        t = self.toks[self.i]
        return t if not vals or t.val in vals or t.kind in vals else None

    def take(self, *vals):
        t = self.peek(*vals)
        if t is None:
            got = self.toks[self.i]
            raise SyntaxError(f"line {got.line}: expected {'/'.join(map(str, vals))}, got {got!r}")
        self.i += 1
        return t

    def block(self):
        self.take(":"), self.take("NL"), self.take("INDENT")
        body = []
        while not self.peek("DEDENT"):
            body.append(self.stmt())
        self.take("DEDENT")
        return body

    def stmt(self):
        if self.peek("def"):
            self.take()
            name = self.take("NAME").val
            self.take("(")
            params = []
            while not self.peek(")"):
                params.append(self.take("NAME").val)
                if not self.peek(")"):
                    self.take(",")
            self.take(")")
            return Def(name, params, self.block())
        if self.peek("return"):
            self.take()
            e = self.expr()
            self.take("NL")
            return Return(e)
        if self.peek("if", "while"):
            kw = self.take().val
            cond = self.expr()
            body = self.block()
            if kw == "while":
                return While(cond, body)
            orelse = []
            if self.peek("else"):
                self.take()
                orelse = self.block()
            return If(cond, body, orelse)
        if self.peek("NAME") and self.toks[self.i + 1].val == "=":
            name = self.take().val
            self.take("=")
            e = self.expr()
            self.take("NL")
            return Assign(name, e)
        e = self.expr()
        self.take("NL")
        return ExprStmt(e)

    def expr(self, min_prec=1):
        left = self.atom()
        while (t := self.peek()) and t.kind == "OP" and PREC.get(t.val, 0) >= min_prec:
            self.take()
            left = BinOp(t.val, left, self.expr(PREC[t.val] + 1))
        return left

    def atom(self):
        t = self.take()
        if t.kind == "NUM":
            e = Num(t.val)
        elif t.kind == "NAME":
            e = Var(t.val)
        elif t.val == "(":
            e = self.expr()
            self.take(")")
        else:
            raise SyntaxError(f"line {t.line}: unexpected {t!r}")
        while self.peek("("):
            self.take()
            args = []
            while not self.peek(")"):
                args.append(self.expr())
                if not self.peek(")"):
                    self.take(",")
            self.take(")")
            e = Call(e, args)
        return e


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a // b,
       "<": lambda a, b: a < b, ">": lambda a, b: a > b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
       "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


def run(stmts, env, out):
    for s in stmts:
        kind = type(s).__name__
        if kind == "Assign":
            env[s.name] = ev(s.e, env, out)
        elif kind == "ExprStmt":
            ev(s.e, env, out)
        elif kind == "Return":
            raise ReturnSignal(ev(s.e, env, out))
        elif kind == "If":
            run(s.body if ev(s.cond, env, out) else s.orelse, env, out)
        elif kind == "While":
            while ev(s.cond, env, out):
                run(s.body, env, out)
        elif kind == "Def":
            def fn(*args, _d=s, _closure=env):
                local = dict(zip(_d.params, args, strict=True), __parent__=_closure)
                try:
                    run(_d.body, local, out)
                except ReturnSignal as r:
                    return r.value
            fn.__name__ = s.name
            env[s.name] = fn


def ev(e, env, out):
    if isinstance(e, Num):
        return e.v
    if isinstance(e, Var):
        scope = env
        while scope is not None:
            if e.name in scope:
                return scope[e.name]
            scope = scope.get("__parent__")
        raise NameError(f"undefined {e.name!r}")
    if isinstance(e, BinOp):
        return OPS[e.op](ev(e.l, env, out), ev(e.r, env, out))
    fn = ev(e.fn, env, out)
    return fn(*[ev(a, env, out) for a in e.args])


out = []
glob = {"print": lambda *a: out.append(" ".join(map(str, a))), "__parent__": None}
tree = Parser(tokenize(SRC)).stmts() if hasattr(Parser, "stmts") else None
p = Parser(tokenize(SRC))
prog = []
while not p.peek("EOF"):
    prog.append(p.stmt())
print(len(prog), prog[0].name, prog[1])
run(prog, glob, out)
print(out, sorted(k for k in glob if not k.startswith("__")), glob["add5"].__name__)
print([t for t in tokenize("x = (1 + 2) * 3\n")])
for bad in ["x = = 1\n", "def f(a:\n  return a\n", "if 1:\nx = 1\n", "  y = 1\n z = 2\n", "q = undefined1 + 1\n", "f = 1\nf(2)\n"]:
    try:
        pr = Parser(tokenize(bad))
        stmts = []
        while not pr.peek("EOF"):
            stmts.append(pr.stmt())
        run(stmts, {"__parent__": None}, out)
        print(repr(bad), "ran")
    except (SyntaxError, NameError, TypeError) as e:
        print(repr(bad), f"{type(e).__name__}: {e}")
