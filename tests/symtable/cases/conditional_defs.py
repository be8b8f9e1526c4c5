import sys

if sys.platform == "win32":
    def helper():
        return 1
else:
    def helper():
        return 2


class Twice:
    pass


class Twice:
    def helper(self):
        return helper()
