# A sorted map on an unbalanced BST implementing the mapping protocol: __getitem__ with slices,
# __setitem__/__delitem__, iteration (forward/reversed), views, equality, repr with recursion guard.
import sys

_MISSING = object()


class Node:
    __slots__ = ("key", "value", "left", "right")

    def __init__(self, key, value):
        self.key, self.value, self.left, self.right = key, value, None, None


class SortedMap:
    def __init__(self, items=(), **kw):
        self.root, self.size = None, 0
        src = items.items() if hasattr(items, "items") else items
        for k, v in list(src) + list(kw.items()):
            self[k] = v

    def _find(self, key):
        n = self.root
        while n is not None:
            if key == n.key:
                return n
            n = n.left if key < n.key else n.right
        return None

    def __getitem__(self, key):
        if isinstance(key, slice):
            if key.step is not None:
                raise ValueError("slice step not supported")
            return [(k, v) for k, v in self.items()
                    if (key.start is None or k >= key.start) and (key.stop is None or k < key.stop)]
        n = self._find(key)
        if n is None:
            raise KeyError(key)
        return n.value

    def __setitem__(self, key, value):
        if self.root is None:
            self.root, self.size = Node(key, value), 1
            return
        n = self.root
        while True:
            if key == n.key:
                n.value = value
                return
            side = "left" if key < n.key else "right"
            child = getattr(n, side)
            if child is None:
                setattr(n, side, Node(key, value))
                self.size += 1
                return
            n = child

    def __delitem__(self, key):
        def remove(n, key):
            if n is None:
                raise KeyError(key)
            if key < n.key:
                n.left = remove(n.left, key)
            elif n.key < key:
                n.right = remove(n.right, key)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                succ = n.right
                while succ.left:
                    succ = succ.left
                n.key, n.value = succ.key, succ.value
                n.right = remove(n.right, succ.key)
            return n
        self.root = remove(self.root, key)
        self.size -= 1

    def _walk(self, n, rev=False):
        if n is not None:
            first, second = (n.right, n.left) if rev else (n.left, n.right)
            yield from self._walk(first, rev)
            yield n
            yield from self._walk(second, rev)

    def __iter__(self):
        return (n.key for n in self._walk(self.root))

    def __reversed__(self):
        return (n.key for n in self._walk(self.root, rev=True))

    def __len__(self):
        return self.size

    def __contains__(self, key):
        try:
            return self._find(key) is not None
        except TypeError:
            return False

    def get(self, key, default=None):
        n = self._find(key)
        return default if n is None else n.value

    def pop(self, key, default=_MISSING):
        try:
            v = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        del self[key]
        return v

    def items(self):
        return [(n.key, n.value) for n in self._walk(self.root)]

    def height(self, n=_MISSING):
        n = self.root if n is _MISSING else n
        return 0 if n is None else 1 + max(self.height(n.left), self.height(n.right))

    def __eq__(self, other):
        if isinstance(other, (SortedMap, dict)):
            return sorted(self.items()) == sorted(other.items())
        return NotImplemented

    _repr_active = set()

    def __repr__(self):
        if id(self) in SortedMap._repr_active:
            return "SortedMap({...})"
        SortedMap._repr_active.add(id(self))
        try:
            return "SortedMap({" + ", ".join(f"{k!r}: {v!r}" for k, v in self.items()) + "})"
        finally:
            SortedMap._repr_active.discard(id(self))


m = SortedMap({"m": 1, "c": 2, "x": 3}, a=4, q=5)
for w in "the quick brown fox jumps over the lazy dog".split():
    m[w] = m.get(w, 0) + len(w)
print(m, len(m), m.height())
print(list(m), list(reversed(m))[:3], m["fox"], "dog" in m, 3 in m, m["d":"p"], m[:"c"], m["t":])
del m["the"]; del m["m"]; del m["a"]
print(m.items(), len(m), m.pop("zzz", None), m.pop("fox"), m.height())
for bad in (lambda: m["nope"], lambda: m.pop("nope"), lambda: m[::2], lambda: m[1], lambda: m.__delitem__("nope")):
    try:
        bad()
    except (KeyError, ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
print(m == dict(m.items()), m == SortedMap(m.items()), m != {}, dict(m.items()) == m, m == [1])
nums = SortedMap((i * 7 % 13, str(i)) for i in range(13))
print(list(nums) == sorted(nums), nums.height(), nums[3:9], sum(nums), max(nums), sorted(nums, key=lambda k: nums[k])[:4])
nums[5] = nums
print(repr(nums)[:60], "...", repr(nums)[-30:])
print(dict.fromkeys(nums, 0) == {k: 0 for k in range(13)}, list(zip(nums, reversed(nums)))[:3], [*nums][-2:], {*m} >= {"dog"})
empty = SortedMap()
print(empty, len(empty), list(empty), empty.height(), bool(empty), bool(m), empty == {})
