import sys
with open("enc.txt", "w", encoding="latin-1") as f:
    print(f.encoding, f.write("café\n"))
with open("enc.txt", "rb") as f:
    print(f.read())
with open("enc.txt", encoding="latin-1") as f:
    print(repr(f.read()))
try:
    open("enc.txt").read()
except UnicodeDecodeError as e:
    print(e)
with open("enc.txt", errors="replace") as f:
    print(repr(f.read()))
with open("a.txt", "w", encoding="ascii", errors="replace") as f:
    f.write("é!")
with open("a.txt") as f:
    print(f.read())
try:
    with open("a.txt", "w", encoding="ascii") as f:
        f.write("é")
except UnicodeEncodeError as e:
    print(e)
try:
    open("a.txt", encoding="klingon")
except LookupError as e:
    print(e)
with open("s.txt", "w", errors="surrogateescape") as f:
    f.write("a\udcff")
with open("s.txt", "rb") as f:
    print(f.read())
try:
    with open("s.txt", "w") as f:
        f.write("a\ud800")
except UnicodeEncodeError as e:
    print(e)
sys.stderr.write("x\ud800y\n")
print(sys.stderr.errors)
