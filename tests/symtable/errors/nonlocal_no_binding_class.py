def f():
    class C:
        nonlocal x
