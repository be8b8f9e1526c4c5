from __future__ import division, print_function
from __future__ import (absolute_import, generators, nested_scopes,
                        unicode_literals, with_statement, generator_stop)

x: Annotated = 1


def f(a: A) -> R:
    return a
