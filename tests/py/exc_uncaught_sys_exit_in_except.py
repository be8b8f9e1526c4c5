import sys
try:
    1 / 0
except ZeroDivisionError as e:
    print('handled:', e)
    sys.exit('exiting from handler: ' + str(e))
