inf = float('inf'); nan = float('nan'); ninf = -inf
print(inf, ninf, nan, repr(inf), str(nan), -nan)
print(inf + 1, inf - inf, inf * 0, inf * -1, inf / inf, 1 / inf, -1 / inf)
print(inf > 1e308, ninf < -1e308, inf == inf, nan == nan, nan != nan, nan is nan)
print(nan < 1, nan > 1, nan <= nan, nan >= 0, inf > nan)
print(max(1, inf), min(ninf, 0), abs(ninf), -ninf)
print(int(1e18), round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print([nan] == [nan], nan in [nan], (nan,) == (nan,))
l = [3.0, nan, 1.0]
print(sorted([3.0, 1.0, 2.0]), len(sorted(l)))
print(inf ** 0, nan ** 0, 1 ** nan, 1 ** inf, 2 ** ninf, 0.5 ** ninf)
print(inf % 1 if False else 5 % inf, -5 % inf, divmod(5, inf))
print(float('inf').is_integer(), hash(nan) == hash(nan) or 'hash differs')
for v in (inf, ninf):
    try:
        int(v)
    except OverflowError as e:
        print('OverflowError:', e)
try:
    int(nan)
except ValueError as e:
    print('ValueError:', e)
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print('OverflowError:', e)
try:
    nan.as_integer_ratio()
except ValueError as e:
    print('ValueError:', e)
try:
    round(inf)
except OverflowError as e:
    print('OverflowError:', e)
print(round(inf, 2), round(nan, 1))
