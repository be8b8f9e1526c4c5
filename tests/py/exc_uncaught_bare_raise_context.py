def handler():
    try:
        {}['first']
    except KeyError:
        try:
            [][0]
        except IndexError:
            pass
        raise
handler()
