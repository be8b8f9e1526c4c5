import os
import os.path
import xml.etree.ElementTree as ET
import a.b.c
from collections import OrderedDict, defaultdict as dd
from . import sibling
from .. import parent as p
from .pkg.mod import thing
from json import *
print(os, ET, a, OrderedDict, dd, sibling, p, thing)


def f():
    import sys
    import email.mime.text
    from io import StringIO as SIO
    return sys, email, SIO


class C:
    import re
    from math import pi
