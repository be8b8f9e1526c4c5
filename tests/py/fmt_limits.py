# Formatting at its limits: huge precisions and widths give CPython's errors, and
# requests far beyond memory give MemoryError at once (no swapping, no hang).
for s in ['.2147483648f', '.2000000000000f']:
    try: print(len(format(1.5, s)))
    except Exception as e: print(type(e).__name__, e)
for p in [2**70, -2**70]:
    try: print(len('%.*f' % (p, 1.5)))
    except Exception as e: print(type(e).__name__, e)
    try: print(len(('%%.%df' % p) % 1.5))
    except Exception as e: print(type(e).__name__, e)
    try: print(len('%*d' % (p, 1)))
    except Exception as e: print(type(e).__name__, e)
print(len(format('a', '>30000000')), '%010.2f' % float('inf'), '%-5.1f|' % 2.25)
for c in ["'{:2000000000000}'.format(1)", "'x' * (2**40)"]:
    try: print(len(eval(c)))
    except MemoryError: print('MemoryError')
print(repr('%010.2f' % float('inf')), repr('%010.2f' % float('nan')), repr('%-010.2f|' % float('inf')), repr(format(float('inf'), '010.2f')), repr('%+010.2f' % float('-inf')))
for p in ['%.2147483648f', '%.99999999999999999999f', '%99999999999999999999d', '%.2147483647d']:
    try: print(len(p % 1.5))
    except Exception as e: print(type(e).__name__, e)
