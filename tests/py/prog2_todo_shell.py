# Interactive to-do shell reading commands with input() from stdin (prompts go to stdout).
import sys


class Todo:
    PRIORITIES = ("low", "normal", "high")

    def __init__(self, text):
        self.text = text
        self.done = False
        self.priority = "normal"

    def __str__(self):
        mark = "x" if self.done else " "
        flag = {"high": "!", "low": "_"}.get(self.priority, " ")
        return f"[{mark}]{flag} {self.text}"


class Shell:
    def __init__(self):
        self.items = []
        self.undo_stack = []
        self.count = 0

    def item(self, arg):
        try:
            idx = int(arg)
        except ValueError:
            raise LookupError(f"not a number: {arg!r}") from None
        if not 1 <= idx <= len(self.items):
            raise LookupError(f"no item #{idx} (have {len(self.items)})")
        return self.items[idx - 1]

    def cmd_add(self, rest):
        self.items.append(Todo(rest))
        self.undo_stack.append(("add", len(self.items)))
        return f"added #{len(self.items)}: {rest!r}"

    def cmd_list(self, rest):
        if not self.items:
            return "(empty)"
        return "\n".join(f"{i:>2}. {t}" for i, t in enumerate(self.items, 1))

    def cmd_done(self, rest):
        t = self.item(rest)
        t.done = True
        self.undo_stack.append(("done", t))
        return f"completed {t.text!r}"

    def cmd_pri(self, rest):
        num, _, level = rest.partition(" ")
        if level not in Todo.PRIORITIES:
            raise ValueError(f"priority must be one of {', '.join(Todo.PRIORITIES)}")
        self.item(num).priority = level
        return "ok"

    def cmd_undo(self, rest):
        if not self.undo_stack:
            return "nothing to undo"
        kind, what = self.undo_stack.pop()
        if kind == "add":
            removed = self.items.pop(what - 1)
            return f"removed {removed.text!r}"
        what.done = False
        return f"reopened {what.text!r}"

    def cmd_rename(self, rest):
        num, new = rest.split(maxsplit=1)
        t = self.item(num)
        old, t.text = t.text, new
        return f"{old!r} -> {new!r}"

    def cmd_find(self, rest):
        hits = [str(t) for t in self.items if rest.casefold() in t.text.casefold()]
        return f"{len(hits)} match(es): " + "; ".join(hits)

    def cmd_stats(self, rest):
        done = sum(t.done for t in self.items)
        pct = done / len(self.items) if self.items else 0
        return f"{done}/{len(self.items)} done ({pct:.0%}), {self.count} commands"

    def cmd_echo(self, rest):
        return "|".join(rest.split("\t"))

    def run(self):
        while True:
            try:
                line = input(f"todo[{self.count}]> ")
            except EOFError:
                print("<eof>")
                return "eof"
            self.count += 1
            print()
            verb, _, rest = line.strip().partition(" ")
            if not verb:
                print("  (blank)")
                continue
            if verb == "quit":
                return "quit"
            handler = getattr(self, "cmd_" + verb, None)
            try:
                out = handler(rest.strip()) if handler else f"unknown command {verb!r}"
            except LookupError as e:
                out = f"error: {e}"
            except ValueError as e:
                out = f"bad value: {e}"
            for ln in out.splitlines():
                print("  " + ln)


sh = Shell()
print("result:", sh.run())
print(sh.cmd_list(""))
rest = sys.stdin.read()
print(repr(rest), sys.stdin.readline() == "", sys.stdin.read() == "")
try:
    input("more? ")
except EOFError as e:
    print("\nEOFError:", repr(e), e.args)
