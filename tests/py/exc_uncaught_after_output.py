import sys
total = 0
for i, word in enumerate(['10', '20', 'thirty', '40']):
    print('adding', word)
    sys.stdout.flush()
    total += int(word)
print('total', total)
