# Scaling workload: building small dicts and lists
# usage: small_containers.py THREADS SIZE -- each of THREADS threads does the same SIZE iterations;
# prints a deterministic combined result.
import sys
import threading


def work(n):
    total = 0
    for i in range(n):
        d = {"a": i, "b": i + 1, "c": 2}
        lst = [i, d["b"], d["c"], 4]
        total += len(d) + lst[1] - lst[0] + len(lst)
    return total

def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 4000000
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
