if 1:
   