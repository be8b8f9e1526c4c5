# Closures and decorators: nonlocal counters, function factories, stacked decorators,
# decorator with arguments, a memoizing decorator.  usage: closures.py N
import sys


def counter():
    count = 0

    def inc(k):
        nonlocal count
        count += k
        return count
    return inc


def adder(x):
    return lambda y: x + y


def twice(f):
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs) + f(*args, **kwargs)
    return wrapper


def scaled(factor):
    def deco(f):
        def wrapper(x):
            return f(x) * factor
        return wrapper
    return deco


def memo(f):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        r = f(n)
        cache[n] = r
        return r
    return wrapper


@twice
@scaled(3)
def base(x):
    return x % 10


@memo
def steps(n):
    if n <= 1:
        return 0
    if n % 2 == 0:
        return 1 + steps(n // 2)
    return 1 + steps(3 * n + 1)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1600000
    c = counter()
    total = 0
    for i in range(n):
        total += c(i % 3)
        f = adder(i)
        total += f(1) - i
        total += base(i)
    longest = 0
    for i in range(1, n // 4):
        s = steps(i)
        if s > longest:
            longest = s
    print(total % 1000000007, c(0), longest)


main()
