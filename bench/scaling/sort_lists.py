# Scaling workload: sorted() on per-thread lists
# usage: sort_lists.py THREADS SIZE -- each of THREADS threads does the same SIZE iterations;
# prints a deterministic combined result.
import sys
import threading


def work(n):
    seed = 17
    data = []
    for i in range(200):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(seed % 10000)
    total = 0
    for i in range(n):
        s = sorted(data)
        total = (total + s[i % 200]) % 1000003
        data[i % 200] = (data[i % 200] * 7 + i) % 10000
    return total

def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 150000
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
