x = '''ab

cd
