class C:
    factor = 2
    scale = lambda self, v: v * factor
    __hidden = lambda: __hidden
