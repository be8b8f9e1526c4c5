names = ['BaseException', 'Exception', 'ArithmeticError', 'ZeroDivisionError',
         'OverflowError', 'FloatingPointError', 'LookupError', 'KeyError', 'IndexError',
         'ValueError', 'UnicodeError', 'UnicodeDecodeError', 'UnicodeEncodeError',
         'TypeError', 'NameError', 'UnboundLocalError', 'AttributeError',
         'RuntimeError', 'RecursionError', 'NotImplementedError', 'StopIteration',
         'StopAsyncIteration', 'GeneratorExit', 'KeyboardInterrupt', 'SystemExit',
         'AssertionError', 'ImportError', 'ModuleNotFoundError', 'OSError',
         'FileNotFoundError', 'FileExistsError', 'PermissionError', 'IsADirectoryError',
         'NotADirectoryError', 'TimeoutError', 'ConnectionError', 'BrokenPipeError',
         'EOFError', 'MemoryError', 'BufferError', 'SyntaxError', 'IndentationError',
         'TabError', 'SystemError', 'ReferenceError', 'Warning', 'UserWarning',
         'DeprecationWarning', 'SyntaxWarning', 'RuntimeWarning', 'UnicodeWarning',
         'BytesWarning', 'ResourceWarning', 'FutureWarning', 'ImportWarning',
         'PendingDeprecationWarning', 'EncodingWarning', 'ChildProcessError',
         'ProcessLookupError', 'InterruptedError', 'BlockingIOError',
         'ConnectionResetError', 'ConnectionAbortedError', 'ConnectionRefusedError']
for n in names:
    cls = eval(n)
    print(n, [c.__name__ for c in cls.__mro__])
print(issubclass(KeyError, LookupError), issubclass(LookupError, KeyError))
print(issubclass(bool, int), issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
print(issubclass(ZeroDivisionError, (ValueError, ArithmeticError)))
print(IOError is OSError, EnvironmentError is OSError)
print(isinstance(KeyError('x'), LookupError), isinstance(KeyError, type))
