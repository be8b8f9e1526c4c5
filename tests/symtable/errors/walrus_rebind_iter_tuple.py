x = [(j := 0) for i, j in pairs]
