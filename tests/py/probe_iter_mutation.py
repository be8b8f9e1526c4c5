# mutating containers while iterating them, iterator exhaustion and length hints
def run(f):
    try:
        print(f.__name__, '->', repr(f()))
    except BaseException as e:
        print(f.__name__, '=>', type(e).__name__, e)
def list_grow():
    l = [1, 2, 3]; out = []
    for x in l:
        out.append(x)
        if x < 3 and len(l) < 6: l.append(x * 10)
    return out
def list_remove_during():
    l = [1, 2, 3, 4]
    for x in l: l.remove(x)
    return l
def dict_keys_changed():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]; d[k + 10] = 0
def dict_values_mutate():
    d = {1: 1}
    for v in d.values(): d[2] = 2
def dict_items_pop():
    d = {1: 1, 2: 2}
    for k, v in d.items(): d.pop(k)
def dict_update_same_keys():
    d = {1: 1, 2: 2}
    for k in d: d[k] = 'x'
    return d
def set_discard_during():
    s = {1, 2, 3}
    for x in s: s.discard(x)
def reversed_list_mutate():
    l = [1, 2, 3]; out = []
    for x in reversed(l):
        out.append(x); l.pop(0) if l else None
    return out, l
def iter_exhausted_then_grow():
    l = [1]; it = iter(l); a = list(it); l.append(2); return a, list(it)
def enumerate_mutate():
    l = ['a', 'b']
    for i, x in enumerate(l):
        if i == 0: l.insert(0, 'z')
        if i > 3: break
    return l
def str_iter_reassign():
    s = 'ab'; out = ''
    for c in s: s += c; out += c
    return out, s
def zip_mutate():
    a = [1, 2]; b = [3, 4]; out = []
    for x, y in zip(a, b):
        out.append((x, y)); a.append(9) if len(a) < 4 else None
    return out
def dict_iter_after_clear():
    d = {1: 1}; it = iter(d); d.clear()
    return list(it)
def dict_iter_len_hint():
    d = {1: 1, 2: 2}; it = iter(d); next(it); return it.__length_hint__()
def list_iter_len_hint():
    it = iter([1, 2, 3]); next(it); return it.__length_hint__(), len(list(reversed([1, 2])))
def range_iter_pickle_free():
    it = iter(range(5)); next(it); return list(it), list(it)
def sort_in_place_while_iter():
    l = [3, 1, 2]; out = []
    for x in l:
        out.append(x); l.sort()
    return out
def dict_del_readd():
    d = {'a': 1, 'b': 2}
    for k in list(d): d[k.upper()] = d.pop(k)
    return d
for f in [list_grow, list_remove_during, dict_keys_changed, dict_values_mutate, dict_items_pop, dict_update_same_keys, set_discard_during, reversed_list_mutate, iter_exhausted_then_grow, enumerate_mutate, str_iter_reassign, zip_mutate, dict_iter_after_clear, dict_iter_len_hint, list_iter_len_hint, range_iter_pickle_free, sort_in_place_while_iter, dict_del_readd]:
    run(f)
