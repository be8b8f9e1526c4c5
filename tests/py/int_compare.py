print(1 < 2, 2 < 1, 1 == 1, 1 != 1, 1 <= 1, 1 >= 2)
print(1 == 1.0, 1 < 1.5, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(10 ** 30 > 1e29, 10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float('inf'))
print(0 == -0, 0 == 0.0, 0 == False, 1 == True, 2 == True)
print(1 == 'x', 1 != 'x', [1] == [1.0], (1, 2) == (1.0, 2.0))
print(max(3, 10 ** 20, -5), min(3, 10 ** 20, -5), sorted([3, -1, 2 ** 70, 0, -(2 ** 70)]))
try:
    1 < 'a'
except TypeError as e:
    print('TypeError:', e)
try:
    None < 1
except TypeError as e:
    print('TypeError:', e)
try:
    [] > 1
except TypeError as e:
    print('TypeError:', e)
print(float('nan') == float('nan'), 1 < float('nan'), 1 > float('nan'))
print((1).__eq__('x'), (1).__lt__(2), (1).__lt__(2.0))
