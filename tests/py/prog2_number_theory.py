# Number utilities: roman numerals, base conversion, big-int arithmetic, modular math, RSA toy.
import sys

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"{n} out of range for roman numerals")
    out = []
    for value, sym in ROMAN:
        q, n = divmod(n, value)
        out.append(sym * q)
    return "".join(out)


def from_roman(s):
    vals = dict((sym, v) for v, sym in ROMAN if len(sym) == 1)
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va, vb = vals[a], vals.get(b, 0)
        total += -va if va < vb else va
    if to_roman(total) != s:
        raise ValueError(f"non-canonical numeral {s!r}")
    return total


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, b):
    if n < 0:
        return "-" + to_base(-n, b)
    out = ""
    while True:
        n, r = divmod(n, b)
        out = DIGITS[r] + out
        if n == 0:
            return out


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib_mod(n, m):
    def mul(A, B):
        return [[(A[0][0] * B[0][0] + A[0][1] * B[1][0]) % m, (A[0][0] * B[0][1] + A[0][1] * B[1][1]) % m],
                [(A[1][0] * B[0][0] + A[1][1] * B[1][0]) % m, (A[1][0] * B[0][1] + A[1][1] * B[1][1]) % m]]
    R, M = [[1, 0], [0, 1]], [[1, 1], [1, 0]]
    while n:
        if n & 1:
            R = mul(R, M)
        M, n = mul(M, M), n >> 1
    return R[0][1]


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999):
    r = to_roman(n)
    print(f"{n:>5} {r:<12} {from_roman(r):>5}")
for bad in ("IIII", "VX", "MMMM", "IC"):
    try:
        from_roman(bad)
    except ValueError as e:
        print("ValueError:", e)
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-12345, 7), int(to_base(10 ** 30, 36), 36) == 10 ** 30)
print(int("0x_ff", 0), int("0b1010_1010", 0), int("  -0o777 ", 0), int("z", 36), int("1_000"), int("+42"), int("٣٤"))
for s, b in (("12a", 10), ("0x10", 16), ("0x10", 0), ("1__0", 10), ("", 10), ("9", 8), ("10", 37)):
    try:
        print(repr(s), b, "->", int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError:", e)
f100 = factorial(100)
print(len(str(f100)), str(f100)[:20], sum(map(int, str(f100))), f100 % (10 ** 9 + 7), len(str(f100)) - len(str(f100).rstrip("0")))
print(hex(f100)[:18], f100.bit_length(), f100.bit_count() if hasattr(int, "bit_count") else "-", (f100 >> 500), -f100 >> 520, ~(2 ** 70), -(2 ** 70) & 0xFFFF)
print(fib_mod(10 ** 18, 10 ** 9 + 7), fib_mod(90, 10 ** 30), pow(3, 10 ** 20, 10 ** 9 + 9), pow(2, -1, 97), pow(7, -3, 1000003))
try:
    pow(6, -1, 9)
except ValueError as e:
    print("ValueError:", e)
p, q = 1000000007, 998244353
n, phi = p * q, (p - 1) * (q - 1)
e = 65537
g, x, _ = egcd(e, phi)
d = x % phi
print(g, d == pow(e, -1, phi), d * e % phi)
msg = int.from_bytes("weft!!".encode(), "big")
c = pow(msg, e, n)
print(msg < n, c, pow(c, d, n).to_bytes(6, "big").decode())
print(divmod(-7, 2), divmod(7, -2), -7 // 2, -7 % 2, divmod(-7.5, 2), (-2) ** 0.5 if False else (-8) ** (1 / 3) != 2, 2 ** -2, (-2) ** 63, 0 ** 0)
print(10 ** 40 / 3, 10 ** 400 // 7 % 1000, (10 ** 400 + 1) / 10 ** 399, 7 / 10 ** 400, int(1e300) % 997, int(-2.9), int(2.9))
for bad in (lambda: float(10 ** 400), lambda: 10 ** 400 / 1e-10, lambda: 1 << -1, lambda: 2 ** 0.5 ** -1 ** 3 / 0):
    try:
        print(bad())
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        print(f"{type(e).__name__}: {e}")
big = factorial(1600)
try:
    print(len(str(big)))
except ValueError as e:
    print("ValueError:", str(e)[:60])
print(big.bit_length(), len(hex(big)), big % 1000003, sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else "-")
print(round(123456789, -3), round(-2.5), round(0.5), round(1.5), round(10 ** 30 + 0.5) == 10 ** 30, abs(-10 ** 20), (10 ** 20).__index__() == 10 ** 20)
