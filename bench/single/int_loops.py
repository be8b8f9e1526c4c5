# Loops over ints: nested while/for loops with integer arithmetic.  usage: int_loops.py N
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7500000
    total = 0
    i = 0
    while i < n:
        total += (i * 7) % 13 - (i >> 3) + (i & 255)
        if i % 3 == 0:
            total ^= i
        i += 1
    acc = 0
    for j in range(n // 4):
        acc = (acc + j * j) % 1000003
    print(total, acc)


main()
