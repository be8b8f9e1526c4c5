parts = []
for i in range(60000):
    end = ("\n", "\r\n", "\r")[i % 3]
    parts.append("é" * (i % 7) + "line%d€" % i + end)
text = "".join(parts)
with open("big.txt", "w", newline="") as f:
    f.write(text)
with open("big.txt") as f:
    a = f.read()
with open("big.txt") as f:
    b = f.readlines()
with open("big.txt") as f:
    c = []
    while True:
        s = f.read(8191)
        if not s:
            break
        c.append(s)
with open("big.txt", newline="") as f:
    d = f.readlines()
with open("big.txt", newline="\r") as f:
    e = f.readlines()
with open("big.txt", "rb") as f:
    g = f.readlines()
print(len(a), len(b), len("".join(c)), "".join(c) == a, "".join(b) == a, len(d), "".join(d) == text, len(e), len(g))
print(b[1000:1003], d[1000:1003], e[5:8])
with open("big.txt") as f:
    f.readline(); f.readline()
    print(f.tell(), repr(f.readline(5)), repr(f.readline()))
