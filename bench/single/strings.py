# String building and formatting: %-formatting, str.format, f-strings, join, slicing,
# replace, split and upper/lower.  usage: strings.py N
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    parts = []
    total = 0
    for i in range(n):
        a = "%d:%05d" % (i, i * 7 % 100000)
        b = "{}-{}".format(i % 97, a)
        c = f"<{b}|{i % 13}>"
        if i % 2:
            c = c.upper()
        else:
            c = c.replace("-", "_")
        total += len(c)
        parts.append(c[1:-1])
        if len(parts) >= 100:
            s = ",".join(parts)
            total += len(s.split(",")) + s.count("1")
            parts = []
    s = ""
    for i in range(n // 10):
        s += str(i % 10)
    print(total, len(s), s[-20:], hash(s[:50]) == hash(s[:50]))


main()
