async def f():
  async with a as b:
    await c
