class C:
    items = [1, 2]
    limit = 1
    first = [x for x in items]
    second = [x for x in items if x > limit]
    third = [y for x in items for y in items]
    fourth = {k: limit for k in items}
    fifth = (i for i in items)
