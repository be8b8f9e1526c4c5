café = 'naïve'
π = 3.14
变量 = {'键': '值'}
def ƒ(α, β=2):
    return α + β
print(café, π, 变量, ƒ(1))
