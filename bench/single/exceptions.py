# Exceptions in loops: raise/catch built-in and user exceptions, try/finally, else,
# re-raise, exception chaining.  usage: exceptions.py N
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class SubError(AppError):
    pass


def risky(i):
    if i % 5 == 0:
        raise SubError(i % 7)
    if i % 3 == 0:
        raise AppError(i % 11)
    if i % 7 == 0:
        return {}["missing"]
    return i


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1800000
    caught = 0
    codes = 0
    finals = 0
    oks = 0
    for i in range(n):
        try:
            try:
                v = risky(i)
            finally:
                finals += 1
        except SubError as e:
            caught += 1
            codes += e.code * 2
        except AppError as e:
            caught += 1
            codes += e.code
        except KeyError:
            caught += 100
        else:
            oks += v % 10
    chained = 0
    for i in range(n // 10):
        try:
            try:
                int("x%d" % i)
            except ValueError as e:
                raise AppError(i) from e
        except AppError as e:
            if isinstance(e.__cause__, ValueError):
                chained += 1
    print(caught, codes, finals, oks, chained)


main()
