import sys
for i in range(3):
    print('out', i)
    print('err', i, file=sys.stderr)
sys.stderr.write('partial ')
sys.stderr.write('line\n')
print(sys.stdout.encoding.lower().replace('-', ''), sys.stdin is not None)
raise SystemExit(2)
