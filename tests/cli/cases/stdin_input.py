import sys
a = input("name? ")
b = input()
print("got", repr(a), repr(b))
print(sys.stdin.readline(), end="")
for line in sys.stdin:
    print("L", repr(line))
try:
    input("more> ")
except EOFError as e:
    print("EOF:", e)
