def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20), fact(25))
print(fact(100))
print(2 ** 1000)
print(len(str(2 ** 10000)), str(3 ** 200)[:20], str(3 ** 200)[-20:])
n = 7 ** 5000
s = str(n)
print(len(s), s[:30], s[-30:])
print(int(s) == n, int(s[:4000]) % 1000007)
big = 10 ** 50 + 12345
print(big // 97, big % 97, divmod(big, 10 ** 25), -big // 3, -big % 3)
print(big * big, big - 10 ** 50, big * -1, abs(-big))
print((2 ** 200 + 1) // (2 ** 100 - 1), (2 ** 200) % (2 ** 61 - 1))
print(hex(2 ** 100), oct(2 ** 64), bin(2 ** 70 + 1))
print(int('9' * 60) + 1, int('1' + '0' * 80, 16))
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(12345678901234567890, 3))
print(10 ** 100 / 10 ** 98, (10 ** 100) / 3, float(2 ** 1023))
try:
    float(2 ** 1024)
except OverflowError as e:
    print('OverflowError:', e)
try:
    2 ** 2000 / 1
except OverflowError as e:
    print('OverflowError:', e)
print((2 ** 1024) // 2 ** 1020, -(2 ** 65) // 2 ** 64, (-(2 ** 65)) >> 64)
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 30)
print(fact(50) == fact(49) * 50, fact(30) // fact(28))
x = 1
for i in range(64):
    x = x * 3 + 1
print(x, x.bit_length())
