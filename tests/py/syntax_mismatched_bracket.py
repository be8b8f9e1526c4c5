print("a")
x = [1, 2, 3)
