a

b
