# Loops over floats: numerical integration and a polynomial evaluated many times.
# usage: float_loops.py N
import sys


def integrate(a, b, steps):
    h = (b - a) / steps
    s = 0.0
    x = a + h / 2.0
    for _ in range(steps):
        s += x * x / (1.0 + x * x * x * x)
        x += h
    return s * h


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9000000
    r = integrate(0.0, 4.0, n)
    p = 0.0
    x = -1.0
    dx = 2.0 / (n // 2)
    for _ in range(n // 2):
        p += ((0.5 * x - 1.25) * x + 0.75) * x - 0.125
        x += dx
    print("%.9f %.6f" % (r, p))


main()
