def f(x):
    return [x for x in x]


def g(rows):
    return [cell for row in rows for cell in row]


def h(n):
    return [[i for _ in range(n)] for i in range(n)]


def k(mapping):
    return {key: value for key, value in mapping.items() if key in mapping}
