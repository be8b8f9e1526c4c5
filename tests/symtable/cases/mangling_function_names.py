def __f(): pass
class C:
  def __f(self): __f()
