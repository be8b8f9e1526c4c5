# Helper module for module_attr.py: a function called through a module attribute.


def step(total, i):
    return (total + i * 3) % 1000003
