name = input()
print('name:', repr(name))
age = int(input('Age? '))
print('next year', age + 1)
nums = list(map(int, input().split()))
print(nums, sum(nums))
empty = input()
print('empty line:', repr(empty))
rest = []
while True:
    try:
        rest.append(input())
    except EOFError as e:
        print('EOFError', repr(str(e)))
        break
print(rest)
try:
    input()
except EOFError:
    print('EOF again')
