# Big-int arithmetic: factorials, powers, a Fibonacci by doubling, digits of e as a big
# fixed-point sum.  Decimal conversions stay under 4300 digits (CPython's default limit).
# usage: bigint.py N
import sys


def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return (c, d)
    return (d, c + d)


def e_digits(ndigits):
    # e = sum 1/k!, scaled by 10**(ndigits+10)
    scale = 10 ** (ndigits + 10)
    term = scale
    total = 0
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return total // 10 ** 10


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    f = 1
    for i in range(2, n + 1):
        f *= i
    fbits = f.bit_length()
    fmod = f % 1000000007
    fb = fib_pair(n * 40)[0]
    e = e_digits(min(n, 4000))
    es = str(e)
    p = pow(3, n * 10, 10 ** 40 + 7)
    g = 0
    x = 7 ** 300
    for i in range(n * 40):
        g = (g + x * i) % (2 ** 521 - 1)
    print(fbits, fmod, fb.bit_length(), fb % 1000000007, es[:30], es[-10:], p, g % 1000000007)


main()
