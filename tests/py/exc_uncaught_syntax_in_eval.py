print('compiling at runtime')
code = 'x = (1 +\n'
eval(code)
