try:
    def body():
        pass
except Exception:
    def handler():
        pass
else:
    def orelse():
        pass
finally:
    def final():
        pass
