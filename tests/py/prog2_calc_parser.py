# Tokenizer + recursive-descent calculator with variables, functions and error reporting.
import sys


class CalcError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at column {pos}")
        self.pos = pos


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r}, {self.pos})"


def tokenize(src):
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            while j < n and (src[j].isdigit() or src[j] in "._"):
                j += 1
            yield Token("num", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("name", src[i:j], i)
            i = j
        elif src.startswith("**", i) or src.startswith("//", i):
            yield Token("op", src[i:i + 2], i)
            i += 2
        elif c in "+-*/%(),=":
            yield Token("op", c, i)
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r}", i)
    yield Token("eof", "", n)


FUNCS = {"abs": abs, "max": max, "min": min, "round": round, "int": int}


class Parser:
    def __init__(self, src, env):
        self.toks = list(tokenize(src))
        self.k = 0
        self.env = env

    @property
    def tok(self):
        return self.toks[self.k]

    def eat(self, text=None, kind=None):
        t = self.tok
        if (text is not None and t.text != text) or (kind is not None and t.kind != kind):
            want = text if text is not None else kind
            got = t.text or "end of input"
            raise CalcError(f"expected {want!r}, got {got!r}", t.pos)
        self.k += 1
        return t

    def statement(self):
        if self.tok.kind == "name" and self.toks[self.k + 1].text == "=":
            name = self.eat(kind="name").text
            self.eat("=")
            self.env[name] = v = self.expr()
        else:
            v = self.expr()
        self.eat(kind="eof")
        return v

    def expr(self):
        v = self.term()
        while self.tok.text in ("+", "-"):
            op = self.eat().text
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.unary()
        while self.tok.text in ("*", "/", "//", "%"):
            t = self.eat()
            r = self.unary()
            try:
                v = {"*": lambda a, b: a * b, "/": lambda a, b: a / b,
                     "//": lambda a, b: a // b, "%": lambda a, b: a % b}[t.text](v, r)
            except ZeroDivisionError as e:
                raise CalcError(str(e), t.pos) from e
        return v

    def unary(self):
        if self.tok.text in ("-", "+"):
            op = self.eat().text
            v = self.unary()
            return -v if op == "-" else +v
        return self.power()

    def power(self):
        base = self.atom()
        if self.tok.text == "**":
            self.eat()
            return base ** self.unary()
        return base

    def atom(self):
        t = self.tok
        if t.kind == "num":
            self.eat()
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "name":
            self.eat()
            if self.tok.text == "(":
                self.eat("(")
                args = []
                if self.tok.text != ")":
                    args.append(self.expr())
                    while self.tok.text == ",":
                        self.eat(",")
                        args.append(self.expr())
                self.eat(")")
                if t.text not in FUNCS:
                    raise CalcError(f"unknown function {t.text}", t.pos)
                return FUNCS[t.text](*args)
            try:
                return self.env[t.text]
            except KeyError:
                raise CalcError(f"undefined variable {t.text!r}", t.pos) from None
        if t.text == "(":
            self.eat("(")
            v = self.expr()
            self.eat(")")
            return v
        raise CalcError(f"unexpected {t.text or 'end of input'!r}", t.pos)


lines = [
    "1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "x = 10", "y = x // 3 + x % 3",
    "x * y - 1_000", "7 / 2", "max(1, x, y) + abs(-4.5)", "round(2.675, 2)", "2 ** 100",
    "1 / 0", "3 +", "foo(1)", "z + 1", "4 $ 4", "(1 + 2", "int(9.99) * 1.5", "10 % 0",
    ".5 + 1.25", "min()",
]
env = {}
for line in lines:
    try:
        result = Parser(line, env).statement()
    except CalcError as e:
        cause = type(e.__cause__).__name__ if e.__cause__ else None
        print(f"{line:<28} !! {e} (pos={e.pos}, cause={cause}, suppress={e.__suppress_context__})")
    except Exception as e:
        print(f"{line:<28} !! {type(e).__name__}: {e}")
    else:
        print(f"{line:<28} => {result!r:>12} {type(result).__name__}")
print(sorted(env.items()))
print(list(tokenize("a=1"))[:2])
