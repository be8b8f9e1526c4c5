import sys
sys.stdout.write('exit(True)\n')
sys.exit(True)
