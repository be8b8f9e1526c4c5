# Inventory with hand-written total ordering, properties, hashing, grouping and reports.
import sys


class Money:
    __slots__ = ("cents",)

    def __init__(self, cents):
        if not isinstance(cents, int):
            raise TypeError(f"cents must be int, not {type(cents).__name__}")
        self.cents = cents

    @classmethod
    def parse(cls, text):
        whole, _, frac = text.partition(".")
        return cls(int(whole) * 100 + int((frac + "00")[:2]))

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    __radd__ = lambda self, other: self if other == 0 else NotImplemented

    def __mul__(self, n):
        return Money(self.cents * n) if isinstance(n, int) else NotImplemented

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self):
        return hash(("Money", self.cents))

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __le__(self, other):
        r = self.__lt__(other)
        return r if r is NotImplemented else r or self == other

    def __gt__(self, other):
        r = self.__le__(other)
        return r if r is NotImplemented else not r

    def __ge__(self, other):
        r = self.__lt__(other)
        return r if r is NotImplemented else not r

    def __str__(self):
        sign = "-" if self.cents < 0 else ""
        d, c = divmod(abs(self.cents), 100)
        return f"{sign}${d:,}.{c:02d}"

    def __repr__(self):
        return f"Money({self.cents})"

    def __format__(self, spec):
        return format(str(self), spec)


class Item:
    def __init__(self, sku, name, category, price, qty=0):
        self.sku, self.name, self.category = sku, name, category
        self.price = price
        self.qty = qty

    @property
    def qty(self):
        return self._qty

    @qty.setter
    def qty(self, value):
        if value < 0:
            raise ValueError(f"{self.sku}: negative quantity {value}")
        self._qty = value

    @qty.deleter
    def qty(self):
        self._qty = 0

    @property
    def value(self):
        return self.price * self.qty

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.sku == other.sku

    def __hash__(self):
        return hash(self.sku)

    def __lt__(self, other):
        return (self.category, self.price, self.name) < (other.category, other.price, other.name)

    def __repr__(self):
        return f"Item({self.sku!r}, qty={self.qty})"


stock = [
    Item("A1", "widget", "tools", Money.parse("2.5"), 40),
    Item("B7", "gizmo", "toys", Money.parse("12.99"), 3),
    Item("C3", "hammer", "tools", Money.parse("15"), 7),
    Item("D4", "yo-yo", "toys", Money.parse("1.05"), 120),
    Item("E5", "drill", "tools", Money.parse("1234.5"), 1),
    Item("A1", "widget-dup", "tools", Money(1), 0),
]
print(len(stock), len(set(stock)), stock[0] == stock[-1], stock[0] != stock[1])
print(stock[0] == "A1", Money(5) == 5, Money(250) in {Money.parse("2.50")})
for it in sorted(set(stock)):
    print(f"{it.sku:<4}{it.name:>10} {it.category:^8}|{it.price:>12}|{it.qty:5d}|{it.value:>14}")

groups = {}
for it in stock:
    groups.setdefault(it.category, []).append(it)
for cat, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
    total = sum(i.value for i in items)
    cheapest = min(items, key=lambda i: i.price)
    print(f"{cat}: n={len(items)} total={total} cheapest={cheapest.name} max={max(i.price for i in items)!r}")

prices = [i.price for i in stock]
print(sorted(prices), max(prices), Money(3) <= Money(3), Money(3) > Money(2), Money(2) >= Money(3))
try:
    Money(3) < 4
except TypeError as e:
    print("TypeError:", e)
try:
    stock[1].qty -= 5
except ValueError as e:
    print("ValueError:", e, stock[1].qty)
del stock[1].qty
print(stock[1], stock[1].value, 3 * Money(7), Money(7) * 3, sum([], Money(0)))
try:
    Money(1.5)
except TypeError as e:
    print(e)
print(str(Money(-123456789)), f"[{Money(99):*^12}]")
