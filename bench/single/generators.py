# Generators and comprehensions: generator pipelines, yield from, list/dict/set
# comprehensions and generator expressions.  usage: generators.py N
import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chain(*its):
    for it in its:
        yield from it


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3200000
    a = sum(squares(evens(count_up(n))))
    b = sum(x % 7 for x in chain(count_up(n // 2), range(n // 2)))
    c = len([x for x in range(n) if x % 3 == 1])
    d = {x: x % 17 for x in range(n // 4)}
    e = {x % 1013 for x in range(n // 2)}
    f = sum(sum(row) for row in [[i * j for j in range(10)] for i in range(n // 20)])
    print(a, b, c, sum(d.values()), len(e), f)


main()
