a: int
b: str = "x"
(c): int = 1
(d): int
obj.attr: int = 1
arr[0]: int = 2


def f(p: Annot1, *args: Annot2, q: Annot3 = 1, **kw: Annot4) -> Ret:
    local: LocalAnnot = 1
    bare: BareAnnot
    return p


class C:
    field: FieldType
    other: OtherType = default_value
    (paren): ParenType = 1


def g():
    x: int
    return x
