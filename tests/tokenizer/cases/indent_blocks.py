if x:
    y = 1  # a comment

    # a comment-only line
    if y:
        z = (1,
  2)
    else:
        pass
w = 3
def f(a, b=2, *args, c, **kw):
    return a
class C:
	def m(self):
		return self
