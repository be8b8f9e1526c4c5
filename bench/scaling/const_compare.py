# Scaling workload: comparing against string and tuple constants
# usage: const_compare.py THREADS SIZE -- each of THREADS threads does the same SIZE iterations;
# prints a deterministic combined result.
import sys
import threading


WORDS = ["alpha", "beta", "gamma", "delta"]
PAIRS = [(1, 2), (3, 4), (1, 3), (2, 2)]


def work(n):
    hits = 0
    for i in range(n):
        w = WORDS[i & 3]
        p = PAIRS[(i >> 1) & 3]
        if w == "gamma":
            hits += 1
        if p == (1, 3):
            hits += 2
        if w != "beta" and p < (2, 0):
            hits += 3
    return hits

def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 6000000
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
