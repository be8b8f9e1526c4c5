async def f():
  return [x for x in [y async for y in z]]
