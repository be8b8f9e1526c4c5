# Event bus with closures, decorators, priorities, once-handlers, wildcard topics and error isolation.
import sys


class EventBus:
    def __init__(self):
        self._subs = {}
        self._seq = 0
        self.errors = []

    def on(self, topic, *, priority=0, once=False):
        def register(fn):
            self._seq += 1
            self._subs.setdefault(topic, []).append([-priority, self._seq, fn, once])
            self._subs[topic].sort(key=lambda e: e[:2])
            return fn
        return register

    def off(self, topic, fn):
        before = len(self._subs.get(topic, []))
        self._subs[topic] = [e for e in self._subs.get(topic, []) if e[2] is not fn]
        return before - len(self._subs[topic])

    def _matching(self, topic):
        parts = topic.split(".")
        for pattern, entries in self._subs.items():
            pp = pattern.split(".")
            if len(pp) == len(parts) and all(a == "*" or a == b for a, b in zip(pp, parts)):
                yield from entries
            elif pattern == "**":
                yield from entries

    def emit(self, topic, **payload):
        results = []
        entries = sorted(self._matching(topic), key=lambda e: e[:2])
        for entry in entries:
            _, seq, fn, once = entry
            if once:
                for lst in self._subs.values():
                    if entry in lst:
                        lst.remove(entry)
            try:
                r = fn(topic, **payload)
            except StopIteration:
                results.append("<stop>")
                break
            except Exception as exc:
                self.errors.append((topic, fn.__name__, f"{type(exc).__name__}: {exc}"))
                continue
            if r is not None:
                results.append(r)
        return results


bus = EventBus()
log = []


def make_counter(name):
    count = 0

    def handler(topic, **kw):
        nonlocal count
        count += 1
        log.append(f"{name}#{count}:{topic}")
        return count if kw.get("want_count") else None
    handler.__name__ = f"counter_{name}"
    handler.peek = lambda: count
    return handler


c_all = bus.on("**")(make_counter("all"))
c_user = bus.on("user.*", priority=5)(make_counter("user"))


@bus.on("user.login", priority=10)
def greet(topic, name="?", **_):
    return f"welcome {name}"


@bus.on("user.login", once=True)
def first_login(topic, name="?", **_):
    return f"first login ever: {name}"


@bus.on("user.logout")
def bye(topic, name, **_):
    return "bye " + name


@bus.on("order.*.paid", priority=-1)
def paid(topic, amount=0, **_):
    if amount <= 0:
        raise ValueError(f"bad amount {amount}")
    return round(amount * 1.2, 2)


@bus.on("order.*.paid", priority=3)
def gate(topic, amount=0, **_):
    if amount > 1000:
        raise StopIteration
    return None


handlers_by_key = {}
for key in ("a", "b", "c"):
    bus.on(f"key.{key}")(lambda topic, key=key, **_: f"late-bound ok: {key}")
    bus.on("key.*")(lambda topic, **_: f"closure sees {key}")

print(bus.emit("user.login", name="ann"))
print(bus.emit("user.login", name="bob", want_count=True))
print(bus.emit("user.logout", name="ann"))
print(bus.emit("user.logout"))
print(bus.emit("order.42.paid", amount=10))
print(bus.emit("order.43.paid", amount=0))
print(bus.emit("order.44.paid", amount=5000))
print(bus.emit("order.44.refunded"))
print(bus.emit("key.b"))
print(bus.off("user.*", c_user), bus.off("user.*", c_user), bus.emit("user.login", name="cy"))
print(c_all.peek(), c_user.peek(), c_all.__name__, greet.__name__)
print(*log, sep="\n")
for err in bus.errors:
    print("error:", *err)
print(sorted(bus._subs), {k: len(v) for k, v in sorted(bus._subs.items())})
adders = [lambda x, n=n: x + n for n in range(3)]
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in adders], [f(10) for f in late])


def memo_counter():
    calls = {}

    def deco(fn):
        def inner(*a):
            calls[fn.__name__] = calls.get(fn.__name__, 0) + 1
            return fn(*a)
        return inner
    return deco, calls


deco, calls = memo_counter()
square = deco(lambda x: x * x)
cube = deco(lambda x: x ** 3)
print(square(3), cube(2), square(4), calls, square.__closure__[0].cell_contents.__name__ if False else len(square.__closure__))
