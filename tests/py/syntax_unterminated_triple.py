x = """never closed
more
