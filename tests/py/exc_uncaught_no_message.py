import sys
print('out', file=sys.stdout)
print('err line', file=sys.stderr)
raise KeyboardInterrupt if False else NotImplementedError
