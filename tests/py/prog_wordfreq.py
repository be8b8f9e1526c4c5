import sys
text = sys.stdin.read()
words = [w.strip('.,;:!?"\'()').lower() for w in text.split()]
words = [w for w in words if w]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print('lines', len(text.splitlines()), 'words', len(words), 'unique', len(freq))
for w, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f'{w:<10}{n:>3} {"#" * n}')
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
longest = max(freq, key=lambda w: (len(w), w))
print('longest', longest)
