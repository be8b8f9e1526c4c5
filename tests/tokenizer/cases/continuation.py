total = 1 + \
    2 + \
        3
if a and \
   b:
    pass
x = [
    1,

    2,  # comment in brackets
]
y = (  # open
)
