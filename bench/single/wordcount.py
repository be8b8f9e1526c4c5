# Dict-heavy word counting over a deterministically generated text.
# usage: wordcount.py NWORDS
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "de", "va", "xe", "qu"]


def make_text(nwords):
    words = []
    seed = 12345
    for _ in range(nwords):
        seed = (seed * 1103515245 + 12345) % 2147483648
        k = 1 + seed % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[(s >> 8) % len(SYLLABLES)]
            s //= 7
        words.append(w)
        if seed % 11 == 0:
            words.append("\n")
    return " ".join(words)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    text = make_text(n)
    counts = {}
    for line in text.split("\n"):
        for w in line.split():
            counts[w] = counts.get(w, 0) + 1
    pairs = {}
    words = text.split()
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1])
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
    by_first = {}
    for (a, b), c in pairs.items():
        by_first.setdefault(a, []).append(c)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(len(counts), len(pairs), len(by_first), top)


main()
