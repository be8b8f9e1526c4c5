# An assembler and stack-based virtual machine with calls, labels, traps and a disassembler.
import sys


class VMError(Exception):
    def __init__(self, msg, pc=None, op=None):
        where = f" at pc={pc} ({op})" if pc is not None else ""
        super().__init__(msg + where)
        self.pc = pc


OPS = {}


def op(name, nargs=0):
    def deco(fn):
        OPS[name] = (fn, nargs)
        fn.opname = name
        return fn
    return deco


class VM:
    def __init__(self, code, trace=False):
        self.code, self.trace = code, trace
        self.stack, self.frames, self.out = [], [], []
        self.pc, self.steps = 0, 0
        self.vars = [{}]

    def pop(self):
        if not self.stack:
            raise IndexError("stack underflow")
        return self.stack.pop()

    @op("push", 1)
    def _push(self, v): self.stack.append(v)

    @op("pop")
    def _pop(self): self.pop()

    @op("dup")
    def _dup(self): self.stack.append(self.stack[-1])

    @op("swap")
    def _swap(self): self.stack[-2:] = self.stack[:-3:-1]

    @op("add")
    def _add(self): b, a = self.pop(), self.pop(); self.stack.append(a + b)

    @op("sub")
    def _sub(self): b, a = self.pop(), self.pop(); self.stack.append(a - b)

    @op("mul")
    def _mul(self): b, a = self.pop(), self.pop(); self.stack.append(a * b)

    @op("div")
    def _div(self): b, a = self.pop(), self.pop(); self.stack.append(a // b)

    @op("lt")
    def _lt(self): b, a = self.pop(), self.pop(); self.stack.append(int(a < b))

    @op("load", 1)
    def _load(self, name):
        try:
            self.stack.append(self.vars[-1][name])
        except KeyError:
            raise NameError(f"undefined variable {name!r}") from None

    @op("store", 1)
    def _store(self, name): self.vars[-1][name] = self.pop()

    @op("jmp", 1)
    def _jmp(self, target): self.pc = target

    @op("jz", 1)
    def _jz(self, target):
        if not self.pop():
            self.pc = target

    @op("call", 2)
    def _call(self, target, nargs):
        args = [self.pop() for _ in range(nargs)][::-1]
        self.frames.append(self.pc)
        self.vars.append({f"a{i}": v for i, v in enumerate(args)})
        self.pc = target
        if len(self.frames) > 200:
            raise RecursionError("VM call depth exceeded")

    @op("ret")
    def _ret(self):
        self.pc = self.frames.pop()
        self.vars.pop()

    @op("print")
    def _print(self): self.out.append(str(self.pop()))

    @op("halt")
    def _halt(self): self.pc = len(self.code)

    def run(self, limit=100000):
        while self.pc < len(self.code):
            opname, args = self.code[self.pc]
            fn = OPS[opname][0]
            pc = self.pc
            self.pc += 1
            self.steps += 1
            if self.steps > limit:
                raise VMError("step limit exceeded", pc, opname)
            try:
                fn(self, *args)
            except (ArithmeticError, IndexError, NameError, RecursionError) as e:
                raise VMError(f"{type(e).__name__}: {e}", pc, opname) from e
        return self.out


def assemble(src):
    labels, lines = {}, []
    for raw in src.splitlines():
        line = raw.split(";", 1)[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(lines)
            continue
        lines.append(line.split())
    code = []
    for n, (name, *args) in enumerate(lines):
        if name not in OPS:
            raise SyntaxError(f"unknown op {name!r} (instruction {n})")
        if len(args) != OPS[name][1]:
            raise SyntaxError(f"{name} takes {OPS[name][1]} argument(s), got {len(args)}")
        conv = [labels[a] if a in labels else int(a) if a.lstrip("-").isdigit() else a for a in args]
        code.append((name, tuple(conv)))
    return code


FACT = """
    push 20
    call fact 1
    print
    push 10
    call fib 1
    print
    halt
fact:           ; a0! recursively
    load a0
    push 2
    lt
    jz fact_rec
    push 1
    ret
fact_rec:
    load a0
    dup
    push 1
    sub
    call fact 1
    mul
    ret
fib:            ; iterative fib(a0)
    push 0
    store x
    push 1
    store y
loop:
    load a0
    jz done
    load y
    dup
    load x
    add
    store y
    store x
    load a0
    push 1
    sub
    store a0
    jmp loop
done:
    load x
    ret
"""
code = assemble(FACT)
print(len(code), sorted(OPS)[:5], code[:3])
vm = VM(code)
print(vm.run(), vm.steps, vm.stack, len(vm.frames))
for i, (name, args) in enumerate(code[7:14], 7):
    print(f"{i:4d}  {name:<6}{' '.join(map(str, args))}")
for src in ["push 1\npush 0\ndiv", "pop", "load q", "push 1\nfoo", "push", "x:\njmp x", "f:\ncall f 0",
            "push 3\npush 4\nswap\nsub\nprint\npush -2\nprint"]:
    try:
        print(repr(src[:12]), VM(assemble(src)).run(limit=500))
    except VMError as e:
        print(repr(src[:12]), "VMError:", e, "| cause:", type(e.__cause__).__name__)
    except SyntaxError as e:
        print(repr(src[:12]), "SyntaxError:", e)
print(VM._push.opname, OPS["add"][0] is VM._add, VM.__dict__["_add"].__name__, type(vm._add).__name__, vm._add.__func__ is VM._add)
