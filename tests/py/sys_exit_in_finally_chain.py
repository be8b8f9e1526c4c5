import sys
def main():
    try:
        print('working')
        return 5
    finally:
        print('cleanup')
code = main()
raise SystemExit(code)
