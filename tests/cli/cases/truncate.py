with open("tr.txt", "w") as f:
    f.write("hello world")
    print(f.truncate(5), f.tell())
with open("tr.txt") as f:
    print(repr(f.read()))
    try:
        f.truncate()
    except OSError as e:
        print(type(e).__name__, e)
with open("tr.txt", "r+") as f:
    f.read(2)
    print(f.truncate())
with open("tr.txt") as f:
    print(repr(f.read()))
for bad in (lambda p, f: -1, lambda p, f: "x"):
    try:
        open("tr.txt", opener=bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
