# Memory workload: build a big list of small tuples, a big dict of str -> list, and a
# list of instances, keep them all alive, then print a checksum.  usage: big_containers.py N
import sys


class Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
    pairs = [(i, i * 2) for i in range(n)]
    table = {}
    for i in range(n):
        table["key%d" % i] = [i, i + 1]
    nodes = [Node(i, str(i)) for i in range(n // 2)]
    floats = [i * 0.5 for i in range(n)]
    total = 0
    for a, b in pairs[::97]:
        total += b - a
    print(len(pairs), len(table), len(nodes), total, table["key%d" % (n // 3)], nodes[-1].value, floats[-1])


main()
