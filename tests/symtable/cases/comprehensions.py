data = [1, 2, 3]
squares = [x * x for x in data]
evens = {x for x in data if x % 2 == 0}
index = {k: v for k, v in enumerate(data)}
gen = (x + 1 for x in data)
pairs = [(a, b) for a in data for b in range(a) if a != b if b]
nested = [[y for y in range(x)] for x in data]
rows = [c for row in [[1, 2], [3]] for c in row]
shadow = [data for data in data]
tuple_target = [p + q for p, q in zip(data, data)]
star_target = [h for h, *t in [[1, 2]]]
attr_target = [0 for obj.attr in data]
sub_target = [0 for d[k] in data]


def func(limit):
    return [i for i in range(limit) if i < limit]


def gen_in_func(seq):
    return sum(len(s) for s in seq)


def nested_uses(n):
    return [[n + i + j for j in range(i)] for i in range(n)]
