class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt
    def total(self):
        return self.val + self.nxt.total()
n = Node(1, Node(2, Node(3)))
print(n.val)
print(n.total())
