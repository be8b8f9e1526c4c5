# LRU cache on dict ordering, a memoizing decorator with stats, and wrapper metadata.
import sys


class LRU:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity!r}")
        self.capacity = capacity
        self._d = {}
        self.hits = self.misses = self.evictions = 0

    def get(self, key, default=None):
        try:
            value = self._d.pop(key)
        except KeyError:
            self.misses += 1
            return default
        self._d[key] = value
        self.hits += 1
        return value

    def put(self, key, value):
        if key in self._d:
            del self._d[key]
        elif len(self._d) >= self.capacity:
            oldest = next(iter(self._d))
            del self._d[oldest]
            self.evictions += 1
        self._d[key] = value

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        yield from reversed(self._d)

    def __repr__(self):
        body = ", ".join(f"{k!r}: {v!r}" for k, v in self._d.items())
        return f"{type(self).__name__}({self.capacity}, {{{body}}})"

    def stats(self):
        total = self.hits + self.misses
        ratio = self.hits / total if total else 0.0
        return f"hits={self.hits} misses={self.misses} evict={self.evictions} ratio={ratio:.1%}"


def memoize(capacity=128):
    def deco(fn):
        cache = LRU(capacity)
        sentinel = object()

        def wrapper(*args, **kwargs):
            key = args + tuple(sorted(kwargs.items())) if kwargs else args
            hit = cache.get(key, sentinel)
            if hit is not sentinel:
                return hit
            result = fn(*args, **kwargs)
            cache.put(key, result)
            return result

        for attr in ("__name__", "__qualname__", "__doc__"):
            setattr(wrapper, attr, getattr(fn, attr))
        wrapper.__wrapped__ = fn
        wrapper.cache = cache
        return wrapper
    return deco


@memoize(capacity=64)
def fib(n):
    """Fibonacci, memoized."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@memoize(3)
def slow_square(x, *, offset=0):
    slow_square.calls = getattr(slow_square, "calls", 0) + 1
    return x * x + offset


class Grid:
    @memoize()
    def paths(self, r, c):
        if r == 0 or c == 0:
            return 1
        return self.paths(r - 1, c) + self.paths(r, c - 1)


print(fib(90), fib.__name__, fib.__doc__, fib.__qualname__, fib.__wrapped__(10))
print(fib.cache.stats(), len(fib.cache))
for x in [1, 2, 3, 1, 4, 2, 5, 1, 1, 3]:
    slow_square(x)
print(slow_square.calls, slow_square.cache.stats(), list(slow_square.cache))
print(slow_square(2, offset=1), slow_square(2, offset=1), slow_square(x=3) if False else slow_square(3, offset=0))
print(repr(slow_square.cache).replace("(", "<", 1))
print(Grid.paths.__qualname__, Grid().paths(10, 10), Grid.paths.cache.stats())
c = LRU(2)
c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
print(c, "b" in c, "a" in c, c.get("zz", -1), list(c), sorted(c))
try:
    LRU(0)
except ValueError as e:
    print(e)
try:
    slow_square([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    fib(5000)
except RecursionError as e:
    print("RecursionError:", str(e)[:40])
print(fib(200) % 1_000_000_007, fib.cache.stats())
