class Parser:
    def parse(self, text):
        return [self.item(t) for t in text.split(',')]
    def item(self, t):
        return int(t)
p = Parser()
print(p.parse('1,2,3'))
print(p.parse('4,five,6'))
