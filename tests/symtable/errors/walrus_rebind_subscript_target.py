x = [(i := 0) for a[i] in range(3)]
