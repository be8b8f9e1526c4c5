é = 1
日本 = 2


def 関数(引数):
    変数 = 引数 + é
    return 変数


class Ünïcödé:
    __prívate = 1
