counter = 5
def bump():
    return countr + 1
print(counter)
bump()
