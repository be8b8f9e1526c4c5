class __C:
  class __D:
    __x = 1
