# Scaling workload: creating instances of a shared class
# usage: new_instances.py THREADS SIZE -- each of THREADS threads does the same SIZE iterations;
# prints a deterministic combined result.
import sys
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def work(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1)
        total += p.y - p.x
    return total

def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 5000000
    results = [None] * nthreads

    def run(index):
        results[index] = work(size)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # THREADS = 0 starts no thread: the runner times that to subtract start-up.
    first = results[0] if results else None
    same = True
    for r in results:
        if r != first:
            same = False
    print(nthreads, first, same)


main()
