open("zzb", "wb").close()
for mode, ops in (("rb", ["read", "readline", "readlines", "flush", "fileno", "seek", "tell", "__iter__", "__next__", "readable", "seekable", "isatty", "__enter__", "truncate"]),
                  ("wb", ["write", "flush", "writelines", "truncate"]),
                  ("r", ["read", "readline", "readlines", "flush", "fileno", "seek", "tell", "__next__", "readable", "seekable", "isatty"]),
                  ("w", ["write", "flush", "truncate", "writelines"])):
    f = open("zzb", mode); f.close()
    for op in ops:
        try:
            m = getattr(f, op)
            if op == "write": m(b"x" if "b" in mode else "x")
            elif op == "writelines": m([b"x" if "b" in mode else "x"])
            elif op == "seek": m(0)
            else: m()
            print(mode, op, "ok")
        except Exception as e: print(mode, op, type(e).__name__, e)
