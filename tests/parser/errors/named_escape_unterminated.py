x = """é
\N{LATIN"""
