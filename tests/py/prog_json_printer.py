def dump(obj, indent=0):
    pad = '  ' * indent
    if isinstance(obj, dict):
        if not obj:
            return '{}'
        items = [f'{pad}  {dump(str(k))}: {dump(v, indent + 1)}' for k, v in obj.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(obj, (list, tuple)):
        if not obj:
            return '[]'
        return '[\n' + ',\n'.join(pad + '  ' + dump(v, indent + 1) for v in obj) + '\n' + pad + ']'
    if isinstance(obj, str):
        out = '"'
        for ch in obj:
            if ch == '"':
                out += '\\"'
            elif ch == '\\':
                out += '\\\\'
            elif ch == '\n':
                out += '\\n'
            elif ord(ch) < 0x20 or ord(ch) > 0x7e:
                out += '\\u%04x' % ord(ch)
            else:
                out += ch
        return out + '"'
    if obj is True:
        return 'true'
    if obj is False:
        return 'false'
    if obj is None:
        return 'null'
    if isinstance(obj, (int, float)):
        return repr(obj)
    raise TypeError(f'Object of type {type(obj).__name__} is not JSON serializable')
data = {'name': 'weft', 'version': [0, 1], 'ok': True, 'none': None, 'pi': 3.14,
        'nested': {'list': [1, [2, []], {}], 'esc': 'a"b\\c\nd\té'}, 7: 'int key'}
print(dump(data))
try:
    dump({'bad': {1, 2}})
except TypeError as e:
    print('TypeError:', e)
