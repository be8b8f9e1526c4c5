import sys
print('exit 256 wraps to', 256 % 256)
sys.exit(258)
