def f():
    import os
    import os.path as osp
    from sys import argv

    def g():
        return os, osp, argv

    return g
