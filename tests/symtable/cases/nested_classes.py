class Outer:
    a = 1

    class Middle:
        b = 2

        class Inner:
            c = 3

            def m(self):
                return a, b, c

    def method(self):
        class Local:
            d = self

            def n(this):
                return self

        return Local
