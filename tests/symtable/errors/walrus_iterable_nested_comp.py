x = [a for a in [(b := 1) for c in d]]
