def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(1000)
print(len(ps), ps[:15], ps[-5:], sum(ps))
def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
for n in (2, 12, 97, 360, 1001, 2 ** 31 - 1, 600851475143):
    print(n, factor(n))
twins = [(p, p + 2) for p in ps if p + 2 in set(ps)]
print(len(twins), twins[:5])
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(462, 1071), gcd(0, 5), gcd(2 ** 40, 6 ** 20), [gcd(i, 12) for i in range(1, 13)])
