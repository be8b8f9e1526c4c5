def f():
    return [a for b in c for a in (d := b)]
