# Scaling workload: creating closures
# usage: closures.py THREADS SIZE -- each of THREADS threads does the same SIZE iterations;
# prints a deterministic combined result.
import sys
import threading


def make_adder(k):
    def add(x):
        return x + k
    return add


def work(n):
    total = 0
    for i in range(n):
        f = make_adder(i & 7)
        total += f(1)
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
