vals = [7, -7, 3, -3, 0, 1, 100]
for a in (7, -7, 0):
    for b in (3, -3, 1):
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -2, (-2) ** -3, 10 ** -1)
print(abs(-5), -(-5), +5, 7 // 7, -1 // 10, 1 // -10, -1 % 10, 1 % -10)
print(10 / 4, 10 / 5, -10 / 4, 1 / 3, 7 / -2)
print(int(3.9), int(-3.9), int('  42  '), int('-0'), int(True), int('+7'))
print(divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 5))
print(5 .bit_length(), (255).bit_length(), (-256).bit_length(), (0).bit_length())
print((37).bit_count() if hasattr(int, 'bit_count') else 3, (-1).bit_count())
print((42).to_bytes(2, 'big'), (42).to_bytes(2, 'little'), int.from_bytes(b'\x01\x00', 'big'))
print((-1).to_bytes(2, 'big', signed=True), int.from_bytes(b'\xff\xfe', 'big', signed=True))
print((10).real, (10).imag, (10).numerator, (10).denominator, (10).conjugate())
print((6).as_integer_ratio(), int.__name__, (5).__index__())
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 0, 1))
print(round(12345, -2), round(15, -1), round(25, -1), round(-35, -1), round(7))
