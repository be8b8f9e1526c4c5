class C:
    x = [[(y := 1) for a in b] for z in range(3)]
