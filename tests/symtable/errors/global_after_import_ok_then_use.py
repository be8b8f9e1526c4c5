def f():
    import os
    global os
    print(y)
    global y
