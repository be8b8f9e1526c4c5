def check(values):
    total = sum(values)
    assert total == 10, f'expected 10, got {total}'
    return total
print(check([5, 5]))
print(check([1, 2]))
