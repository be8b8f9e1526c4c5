x = lambda: [(y := 1) for z in w]
