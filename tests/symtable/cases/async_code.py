async def co(x):
    await x
    async for i in x:
        pass
    async with x as y:
        pass
    return [j async for j in x]


async def agen():
    yield 1


async def comps(x):
    a = [i async for i in x]
    b = {i async for i in x}
    c = {i: i async for i in x}
    d = (i async for i in x)
    e = [await i for i in x]
    f = [[i async for i in x] for _ in range(2)]
    return a, b, c, d, e, f


async def plain():
    return 1


def sync_with_genexp(x):
    return (i async for i in x)
