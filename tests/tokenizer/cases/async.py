async def f():
    await g()
    print(x, end="")
