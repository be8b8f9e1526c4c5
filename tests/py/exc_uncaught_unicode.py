data = 'naïve café'.encode('utf-8')
print(data)
print(data.decode('ascii'))
