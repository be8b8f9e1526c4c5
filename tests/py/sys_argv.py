import sys
print(len(sys.argv), sys.argv)
for i, a in enumerate(sys.argv[1:], 1):
    print(i, repr(a), len(a))
nums = [int(a) for a in sys.argv[1:] if a.lstrip('-').isdigit()]
print('numbers', nums, sum(nums))
