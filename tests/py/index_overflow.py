# Ints too big for an index: IndexError for subscripts, OverflowError for repeat
# counts and lengths, and the C ssize_t message for method arguments, as CPython.
big = 2**70
for f in [lambda: [0] * big, lambda: 'a' * big, lambda: b'a' * big, lambda: (1,) * big, lambda: bytes(big), lambda: bytearray(big),
          lambda: [1].insert(big, 0), lambda: [1].pop(big), lambda: 'a'.center(big), lambda: 'a'.zfill(-big), lambda: b'a'.center(big),
          lambda: bytearray(b'a').insert(big, 1), lambda: bytearray(b'a').pop(big), lambda: (1).to_bytes(big, 'little'),
          lambda: [1][big], lambda: "a"[big], lambda: (1,)[big], lambda: range(3)[big],
          lambda: [1].index(1, big), lambda: 'abc'.find('a', big), lambda: 'a b'.split(None, big), lambda: [1, 2][big:], lambda: 'x'.ljust(-big),
          lambda: int('1', big)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
