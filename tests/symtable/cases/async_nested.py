async def f(xs):
    return [[j async for j in x] for x in xs]


async def g(xs):
    return [await y for y in xs]


async def h(xs):
    return [[await z for z in x] for x in xs]


async def k(xs):
    return ([q async for q in x] for x in xs)


async def m(xs):
    async def inner():
        await xs

    return inner
