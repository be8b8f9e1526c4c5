nonlocal a, b
