a = 'single' "double" '' ""
b = '''triple
spanning lines''' + """and "quotes" inside"""
c = r'raw\n' R"raw" b'bytes' B"B" br'x' Rb"y" bR'z' rB"w" u'u' U"U"
d = f'{x}' F"{y!r:>10}" fr'{z}' Rf"{w}" rF'' FR""
e = 'esc\'aped' "esc\"aped" 'back\\slash'
f = 'line\
continued'
g = """a\"""b"""
h = 'héllo wörld ✓'
