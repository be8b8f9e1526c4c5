# Scaling workload: reading a shared dict
# usage: shared_dict.py THREADS SIZE -- each of THREADS threads does the same SIZE iterations;
# prints a deterministic combined result.
import sys
import threading


SHARED = {}
for _k in range(500):
    SHARED["k%d" % _k] = _k
KEYS = ["k%d" % k for k in range(0, 500, 7)]


def work(n):
    total = 0
    d = SHARED
    keys = KEYS
    nk = len(keys)
    for i in range(n):
        total += d[keys[i % nk]]
    return total

def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 7500000
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
