import sys
from sys import argv
print(argv, len(argv), argv[0].endswith('.py'), argv is sys.argv)
argv.append('mutable')
print(sys.argv[-1])
